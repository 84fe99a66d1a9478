package io.mutuality.live;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket client written on a bare socket, for what well-behaved clients cannot send: text
 * frames that are not UTF-8, fragments, binary frames, frames over the size limit, a connection
 * dropped without a close frame. Received text messages and the close code are queued.
 */
final class RawWebSocket implements AutoCloseable {

    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CONTINUATION = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final Random random = new Random(7);
    final LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
    volatile Integer closeCode;
    private final Thread reader;

    RawWebSocket(URI uri) throws IOException {
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(0);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        out.write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                        + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("not upgraded: " + head);
        }
        reader = new Thread(this::read, "raw-websocket-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            StringBuilder message = new StringBuilder();
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = b0 & 0x0f;
                if (opcode == CLOSE) {
                    closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8 | payload[1] & 0xff) : 1005;
                    return;
                }
                if (opcode == TEXT || opcode == CONTINUATION) {
                    message.append(new String(payload, StandardCharsets.UTF_8));
                    if ((b0 & 0x80) != 0) {
                        texts.add(message.toString());
                        message.setLength(0);
                    }
                }
            }
        } catch (IOException e) {
            if (closeCode == null) {
                closeCode = -1;
            }
        }
    }

    /** Sends one frame, masked as a client must unless {@code masked} is false. */
    synchronized void frame(int opcode, boolean fin, byte[] payload, boolean masked) throws IOException {
        int length = payload.length;
        byte[] header = new byte[14];
        int at = 0;
        header[at++] = (byte) ((fin ? 0x80 : 0) | opcode);
        int maskBit = masked ? 0x80 : 0;
        if (length < 126) {
            header[at++] = (byte) (maskBit | length);
        } else if (length < 65_536) {
            header[at++] = (byte) (maskBit | 126);
            header[at++] = (byte) (length >> 8);
            header[at++] = (byte) length;
        } else {
            header[at++] = (byte) (maskBit | 127);
            for (int i = 7; i >= 0; i--) {
                header[at++] = (byte) ((long) length >> (8 * i));
            }
        }
        byte[] body = payload.clone();
        if (masked) {
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            System.arraycopy(mask, 0, header, at, 4);
            at += 4;
            for (int i = 0; i < body.length; i++) {
                body[i] ^= mask[i % 4];
            }
        }
        out.write(header, 0, at);
        out.write(body);
        out.flush();
    }

    void text(String text) throws IOException {
        frame(TEXT, true, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /** The next text message, waiting up to {@code seconds}; null if none came or the connection closed first. */
    String next(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String text = texts.poll(50, TimeUnit.MILLISECONDS);
            if (text != null) {
                return text;
            }
            if (closeCode != null && texts.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    /** Waits until the server closes the connection or {@code seconds} pass; the close code, or null. */
    Integer awaitClose(int seconds) throws InterruptedException {
        reader.join(TimeUnit.SECONDS.toMillis(seconds));
        return closeCode;
    }

    /** Drops the connection without a close frame, as a phone losing its network does. */
    void drop() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() {
        try {
            if (!socket.isClosed()) {
                frame(CLOSE, true, new byte[] {0x03, (byte) 0xe8}, true);
                awaitClose(2);
                socket.close();
            }
        } catch (IOException | InterruptedException e) {
            // already gone
        }
    }
}
