import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clients that never read: what they can cost the server (issue 11, "bounded per connection").
 *
 * <pre>
 *   java .ci/SlowReaderCheck.java JAR WORKDIR PORT [BOUND_MB]
 * </pre>
 *
 * Starts the packaged application (H2 under WORKDIR), fills a practice room's log with 12,000
 * notes of about half a kilobyte, then opens 40 connections with a 4 KiB receive buffer that say hello with
 * lastSeq 0 (asking for the whole log) and never read, and 40 that never say hello. A facilitator
 * keeps the room busy for 30 seconds before they come and 30 seconds while they are there, and
 * the server's resident memory is sampled throughout. It passes when the peak with them rose by
 * less than BOUND_MB (default 64) over the peak under the same load without them, every one of the 80 connections was closed by the server, the facilitator's
 * commands were acknowledged throughout, and a new participant still catches up on the whole log.
 */
public class SlowReaderCheck {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final int SLOW = 40;
    static final int NOTES = 12000;
    static final String TEXT = "A note long enough to weigh something in the log. ".repeat(9);

    static String base;
    static int port;
    static Process app;
    static String cookie;
    static String csrf;
    static String code;

    public static void main(String[] args) throws Exception {
        String jar = new File(args[0]).getAbsolutePath();
        Path work = Path.of(args[1]);
        port = Integer.parseInt(args[2]);
        long boundMb = args.length > 3 ? Long.parseLong(args[3]) : 64;
        base = "http://127.0.0.1:" + port;
        Files.createDirectories(work);
        try {
            run(jar, work, boundMb);
            System.out.println("slow readers: passed");
            stop();
            System.exit(0);
        } catch (Throwable failure) {
            System.out.println("slow readers: FAILED: " + failure.getMessage());
            stop();
            System.exit(1);
        }
    }

    static void run(String jar, Path work, long boundMb) throws Exception {
        start(jar, work);
        cookie = signIn();
        String org = find(get("/api/organisations"), "\"id\":\"([^\"]+)\",\"slug\":\"tideway-peer-collective\"");
        code = field(
                post("/api/organisations/" + org + "/practice-rooms", "{\"title\":\"Slow readers\"}", true), "code");
        Client facilitator = Client.open(cookie);
        facilitator.send("{\"v\":1,\"type\":\"hello\",\"id\":\"f-hello\",\"lastSeq\":0}");
        facilitator.await("\"synced\"", 30);

        long filled = System.nanoTime();
        int n = 0;
        while (n < NOTES) {
            int batch = Math.min(100, NOTES - n);
            for (int i = 0; i < batch; i++) {
                facilitator.send(note("fill-" + (n + i)));
            }
            String last = facilitator.await("\"id\":\"fill-" + (n + batch - 1) + "\"", 60);
            if (!last.contains("\"ack\"")) {
                throw new AssertionError("a note was refused: " + last);
            }
            facilitator.drain();
            n += batch;
        }
        System.out.printf(
                java.time.LocalTime.now().withNano(0) + " slow readers: %d notes in the log in %.1f s%n",
                NOTES,
                (System.nanoTime() - filled) / 1e9);

        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            tokens.add(field(
                    post("/api/rooms/" + code + "/participants", "{\"displayName\":\"Slow " + i + "\"}", false),
                    "token"));
        }
        // the same load without slow clients first: what the server uses anyway, the level to compare with
        long before = busy(facilitator, "calm", 0);
        System.out.printf(
                java.time.LocalTime.now().withNano(0)
                        + " slow readers: server resident memory at its peak under the same load without them: %d MB%n",
                before / 1024);

        List<Socket> stuck = new ArrayList<>();
        for (String token : tokens) {
            Socket socket = upgrade();
            frame(socket, "{\"v\":1,\"type\":\"hello\",\"id\":\"h\",\"lastSeq\":0,\"token\":\"" + token + "\"}");
            stuck.add(socket);
        }
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < SLOW; i++) {
            silent.add(upgrade());
        }
        long peak = busy(facilitator, "slow", before);

        int closedStuck = closedWithin(stuck, 30);
        int closedSilent = closedWithin(silent, 5);
        peak = Math.max(peak, rssKb());
        long rise = (peak - before) / 1024;
        System.out.printf(
                java.time.LocalTime.now().withNano(0)
                        + " slow readers: peak %d MB, a rise of %d MB for %d never-reading and %d silent connections "
                        + "(bound %d MB)%n",
                peak / 1024,
                rise,
                SLOW,
                SLOW,
                boundMb);
        System.out.printf(
                java.time.LocalTime.now().withNano(0)
                        + " slow readers: closed by the server: %d of %d never-reading, %d of %d silent%n",
                closedStuck,
                SLOW,
                closedSilent,
                SLOW);

        Client late = Client.open(null);
        String token =
                field(post("/api/rooms/" + code + "/participants", "{\"displayName\":\"Late\"}", false), "token");
        late.send("{\"v\":1,\"type\":\"hello\",\"id\":\"l-hello\",\"lastSeq\":0,\"token\":\"" + token + "\"}");
        String synced = late.await("\"synced\"", 60);
        long events = late.drain().stream()
                .filter(m -> m.contains("\"type\":\"event\""))
                .count();
        System.out.printf(
                java.time.LocalTime.now().withNano(0) + " slow readers: a new participant caught up on %d events, %s%n",
                events,
                synced);

        if (rise > boundMb) {
            throw new AssertionError("resident memory rose by " + rise + " MB, more than " + boundMb + " MB");
        }
        if (closedStuck < SLOW || closedSilent < SLOW) {
            throw new AssertionError("connections left open: " + (SLOW - closedStuck) + " never-reading, "
                    + (SLOW - closedSilent) + " silent");
        }
        if (events < NOTES) {
            throw new AssertionError(
                    "the new participant got " + events + " events, fewer than the " + NOTES + " notes");
        }
    }

    /** Thirty seconds of notes, twenty at a time; returns the highest resident memory seen. */
    static long busy(Client facilitator, String phase, long peak) throws Exception {
        int acked = 0;
        long busyUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < busyUntil) {
            for (int i = 0; i < 20; i++) {
                facilitator.send(note(phase + "-" + acked + "-" + i));
            }
            String last = facilitator.await("\"id\":\"" + phase + "-" + acked + "-19\"", 30);
            if (!last.contains("\"ack\"")) {
                throw new AssertionError("a note was refused: " + last);
            }
            facilitator.drain();
            acked++;
            peak = Math.max(peak, rssKb());
            Thread.sleep(200);
        }
        System.out.printf(
                java.time.LocalTime.now().withNano(0) + " slow readers: %d notes acknowledged in 30 s (%s)%n",
                acked * 20,
                phase);
        return peak;
    }

    static String note(String id) {
        return "{\"v\":1,\"type\":\"note.share\",\"id\":\"" + id + "\",\"text\":\"" + TEXT + "\"}";
    }

    /**
     * How many of these sockets the server has closed, found without reading them (a client that
     * reads is one the server should keep): a frame written to a socket the server has closed is
     * answered with a reset, and the next write fails.
     */
    static int closedWithin(List<Socket> sockets, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        boolean[] ended = new boolean[sockets.size()];
        int closed = 0;
        while (closed < sockets.size() && System.nanoTime() < deadline) {
            for (int i = 0; i < sockets.size(); i++) {
                if (!ended[i]) {
                    try {
                        ping(sockets.get(i));
                    } catch (IOException reset) {
                        ended[i] = true;
                        closed++;
                    }
                }
            }
            Thread.sleep(500);
        }
        for (Socket socket : sockets) {
            socket.close();
        }
        return closed;
    }

    /** A masked ping frame with no payload. */
    static void ping(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(new byte[] {(byte) 0x89, (byte) 0x80, 1, 2, 3, 4});
        out.flush();
    }

    /** A raw WebSocket upgrade on a socket with a tiny receive buffer, whose answer is never read past the headers. */
    static Socket upgrade() throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        byte[] key = new byte[16];
        new SecureRandom().nextBytes(key);
        String request = "GET /ws/rooms/" + code + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        InputStream in = socket.getInputStream();
        socket.setSoTimeout(5000);
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("the upgrade was refused: " + head);
            }
            head.append((char) b);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new AssertionError("the upgrade was refused: " + head);
        }
        return socket;
    }

    /** One masked text frame, as a client sends it. */
    static void frame(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        new SecureRandom().nextBytes(mask);
        OutputStream out = socket.getOutputStream();
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + app.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new AssertionError("no VmRSS for the server process");
    }

    static void start(String jar, Path work) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // the heap fixed and touched up front, so resident memory moves only with what sits outside it
                "-Xms384m",
                "-Xmx384m",
                "-XX:+AlwaysPreTouch",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + (port + 1),
                "-Dmutuality.live.commands-per-person=1000000",
                "-Dmutuality.identity.join-limit-per-address=1000",
                "-Dmutuality.identity.join-limit-per-room=1000"));
        String extra = System.getenv("SLOW_APP_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar));
        app = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited while starting; see " + work.resolve("app.log"));
            }
            try {
                if (HTTP.send(
                                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application was not ready in 120 s");
    }

    static void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    static String signIn() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"trainer@demo.mutuality.test\",\"password\":\"together-we-learn\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in answered " + response.statusCode());
        }
        csrf = field(response.body(), "csrfToken");
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("mutuality_session="))
                .findFirst()
                .orElseThrow()
                .replaceFirst("mutuality_session=([^;]*).*", "$1");
    }

    static String get(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", "mutuality_session=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String post(String path, String body, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signedIn) {
            request.header("Cookie", "mutuality_session=" + cookie).header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        return find(json, "\"" + name + "\":\"([^\"]+)\"");
    }

    static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("not found: " + regex + " in " + text);
        }
        return matcher.group(1);
    }

    /** A WebSocket client that reads everything it is sent. */
    static final class Client {
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final List<String> pending = new ArrayList<>();
        WebSocket socket;

        static Client open(String sessionCookie) {
            Client client = new Client();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            if (sessionCookie != null) {
                builder.header("Cookie", "mutuality_session=" + sessionCookie);
            }
            client.socket = builder.buildAsync(
                            URI.create(base.replaceFirst("^http", "ws") + "/ws/rooms/" + code),
                            new WebSocket.Listener() {
                                final StringBuilder partial = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    partial.append(data);
                                    if (last) {
                                        client.inbox.add(partial.toString());
                                        partial.setLength(0);
                                    }
                                    ws.request(1);
                                    return null;
                                }
                            })
                    .join();
            return client;
        }

        synchronized void send(String text) {
            socket.sendText(text, true).join();
        }

        String await(String contains, int seconds) throws InterruptedException {
            for (String message : pending) {
                if (message.contains(contains)) {
                    return message;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String message = inbox.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    pending.add(message);
                    if (message.contains(contains)) {
                        return message;
                    }
                }
            }
            throw new AssertionError("waited " + seconds + " s for " + contains);
        }

        List<String> drain() {
            List<String> all = new ArrayList<>(pending);
            pending.clear();
            inbox.drainTo(all);
            return all;
        }
    }
}
