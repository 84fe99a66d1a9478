package io.mutuality.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client for room tests: sends JSON, collects every message it receives. */
final class RoomClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    final List<JsonNode> received = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;
    private int commands;

    static RoomClient connect(URI uri, String sessionCookie) {
        return connect(uri, sessionCookie, Map.of());
    }

    static RoomClient connect(URI uri, String sessionCookie, Map<String, String> headers) {
        RoomClient client = new RoomClient();
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (sessionCookie != null) {
            builder.header("Cookie", "mutuality_session=" + sessionCookie);
        }
        headers.forEach(builder::header);
        client.socket = builder.buildAsync(uri, client.listener()).join();
        return client;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        inbox.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(-1);
            }
        };
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    /** Sends one text message in several frames (a fragmented message). */
    void sendFragments(List<String> parts) {
        for (int i = 0; i < parts.size(); i++) {
            socket.sendText(parts.get(i), i == parts.size() - 1).join();
        }
    }

    /** The close code the server sent, once closed (-1 for a dropped connection). */
    int closeCode() {
        return closed.getNow(0);
    }

    /** Sends a command with a fresh id (or the given one) and returns the id. */
    String send(String type, Map<String, ?> fields) {
        return send(type, "cmd-" + (++commands) + "-" + System.nanoTime(), fields);
    }

    String send(String type, String id, Map<String, ?> fields) {
        Map<String, Object> message = new java.util.LinkedHashMap<>(fields);
        message.put("v", 1);
        message.put("type", type);
        message.put("id", id);
        try {
            sendRaw(JSON.writeValueAsString(message));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Says hello and waits until every missed event has arrived; returns the welcome. */
    JsonNode hello(String token, long lastSeq) {
        Map<String, Object> fields = new java.util.HashMap<>();
        fields.put("lastSeq", lastSeq);
        if (token != null) {
            fields.put("token", token);
        }
        send("hello", fields);
        JsonNode welcome = await(m -> m.path("type").asText().equals("welcome")
                || m.path("type").asText().equals("error"));
        if (welcome.path("type").asText().equals("welcome")) {
            await(m -> m.path("type").asText().equals("synced"));
        }
        return welcome;
    }

    /** The next message matching, waiting up to five seconds; earlier ones stay in {@link #received}. */
    JsonNode await(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (JsonNode seen : received) {
            if (wanted.test(seen) && !seen.has("_taken")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) seen).put("_taken", true);
                return seen;
            }
        }
        while (System.nanoTime() < deadline) {
            try {
                JsonNode message = inbox.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    received.add(message);
                    if (wanted.test(message)) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode) message).put("_taken", true);
                        return message;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching message within 5 s; received " + received);
    }

    JsonNode ack(String id) {
        return await(m -> id.equals(m.path("id").asText())
                && (m.path("type").asText().equals("ack")
                        || m.path("type").asText().equals("error")));
    }

    JsonNode event(String kind) {
        return await(m -> m.path("type").asText().equals("event")
                && m.path("kind").asText().equals(kind));
    }

    /** Waits a moment, then returns every event received so far. */
    List<JsonNode> eventsAfterQuiet() {
        return eventsAfterQuiet(400);
    }

    /** Waits {@code millis}, then returns every event received so far. */
    List<JsonNode> eventsAfterQuiet(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            try {
                JsonNode message = inbox.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    received.add(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return received.stream()
                .filter(m -> m.path("type").asText().equals("event"))
                .toList();
    }

    long lastSeq() {
        return received.stream()
                .filter(m -> m.path("type").asText().equals("event"))
                .mapToLong(m -> m.path("seq").asLong())
                .max()
                .orElse(0);
    }

    boolean closedWithin(Duration wait) {
        try {
            closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(x -> null);
            closedWithin(Duration.ofSeconds(2));
        }
    }
}
