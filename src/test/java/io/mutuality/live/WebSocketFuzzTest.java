package io.mutuality.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.mutuality.live.engine.StateSnapshot;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * A fuzz run against the real server: over ten thousand generated text frames on several
 * connections at once (a facilitator, participants, a stranger who never says hello), well-formed
 * and mutated (see {@link FrameFuzzer}), then frames no browser would send, on a bare socket.
 * Each connection sends one frame at a time and waits for its answer, so answers can be matched
 * to frames. Checks: every text frame is answered exactly once (an ack, a pong, a welcome or an
 * error with a code, under the frame's own id when it had a usable one); a repeated command id
 * gets its first ack again byte for byte; no ERROR is logged; the server stays ready; a
 * well-behaved client can use the room afterwards; and the room's state rebuilt from the stored
 * log equals the state the server held.
 *
 * The per-person command limit is lifted for this profile so that the commands reach the room
 * rather than the limiter (the limit has its own tests). The run is seeded: {@code -Dfuzz.seed=}
 * and {@code -Dfuzz.frames=} change it (frames arrive at the server in a different interleaving
 * each time, so a seed fixes what is sent, not the room's exact history).
 */
@QuarkusTest
@TestProfile(WebSocketFuzzTest.Unlimited.class)
class WebSocketFuzzTest extends LiveRoomFixture {

    public static class Unlimited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mutuality.live.commands-per-person", "100000000");
        }
    }

    static final long SEED = Long.getLong("fuzz.seed", 11L);
    static final int FRAMES = Integer.getInteger("fuzz.frames", 10_500);
    /** Not a timing assertion: only how long to wait before deciding a frame went unanswered. */
    static final int ANSWER_WAIT_SECONDS = 20;

    @Test
    void theLogCaptureSeesAnErrorLoggedOnAnyThread() throws Exception {
        try (LogCapture capture = LogCapture.install()) {
            Thread elsewhere = new Thread(() -> Logger.getLogger(LiveRooms.class)
                    .error("probe from another thread", new IllegalStateException("probe")));
            elsewhere.start();
            elsewhere.join();
            java.util.logging.Logger.getLogger("io.vertx.core.impl.ContextImpl").log(Level.SEVERE, "probe through JUL");
            Logger.getLogger(LiveRooms.class).warn("a warning is not an error");
            assertThat(capture.describe())
                    .hasSize(2)
                    .anyMatch(l -> l.contains("probe from another thread"))
                    .anyMatch(l -> l.contains("probe through JUL"));
        }
    }

    /** One connection of the run: a real client whose messages are queued as text. */
    static final class Connection implements AutoCloseable {
        final String name;
        /** The seqs of events this connection's own commands caused (from its acks), and its check-ins' visibilities. */
        final java.util.Set<Long> own = ConcurrentHashMap.newKeySet();

        final Map<String, String> checkins = new ConcurrentHashMap<>();
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final AtomicInteger binary = new AtomicInteger();
        WebSocket socket;

        Connection(String name, URI uri, String cookie) {
            this.name = name;
            WebSocket.Builder builder =
                    HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
            if (cookie != null) {
                builder.header("Cookie", "mutuality_session=" + cookie);
            }
            socket = builder.buildAsync(uri, new WebSocket.Listener() {
                        private final StringBuilder partial = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            partial.append(data);
                            if (last) {
                                inbox.add(partial.toString());
                                partial.setLength(0);
                            }
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                            binary.incrementAndGet();
                            ws.request(1);
                            return null;
                        }

                        @Override
                        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                            closed.complete(statusCode);
                            return null;
                        }

                        @Override
                        public void onError(WebSocket ws, Throwable error) {
                            closed.complete(-1);
                        }
                    })
                    .join();
        }

        @Override
        public void close() {
            if (!closed.isDone()) {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(x -> null);
                try {
                    closed.get(5, TimeUnit.SECONDS);
                } catch (Exception e) {
                    socket.abort();
                }
            }
        }
    }

    /** What the run saw, over all connections. */
    static final class Tally {
        final Map<String, AtomicInteger> frames = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
        final List<String> problems = new CopyOnWriteArrayList<>();
        final AtomicInteger sent = new AtomicInteger();

        void count(Map<String, AtomicInteger> map, String key) {
            map.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        }

        void problem(String text) {
            if (problems.size() < 50) {
                problems.add(text);
            }
        }
    }

    /**
     * Sends one frame and waits for its one answer, reading past events and the hello's "synced".
     * Returns the answer, or null (and records a problem) if none came.
     */
    private static JsonNode exchange(
            Connection c, FrameFuzzer.Frame frame, FrameFuzzer board, Tally tally, Map<String, String> firstAcks)
            throws Exception {
        c.socket.sendText(frame.text(), true).get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
        tally.sent.incrementAndGet();
        tally.count(tally.frames, frame.kind());
        while (true) {
            String raw = c.inbox.poll(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
            if (raw == null) {
                tally.problem(c.name + ": no answer to a " + frame.kind() + " frame"
                        + (c.closed.isDone() ? " (closed " + c.closed.getNow(0) + ")" : "") + ": "
                        + abbreviate(frame.text()));
                return null;
            }
            JsonNode message = FrameFuzzer.JSON.readTree(raw);
            String type = message.path("type").asText();
            if (type.equals("event")) {
                board.learn(message);
                checkVisible(c, message, tally);
                continue;
            }
            if (type.equals("synced")) {
                continue;
            }
            String code = message.path("code").asText();
            message.path("seqs").forEach(seq -> c.own.add(seq.asLong()));
            tally.count(tally.answers, type.equals("error") ? "error " + code : type);
            if (!List.of("ack", "error", "pong", "welcome").contains(type)) {
                tally.problem(c.name + ": answered a " + frame.kind() + " frame with " + abbreviate(raw));
            } else if (type.equals("error")
                    && (code.isBlank() || message.path("message").asText().isBlank())) {
                tally.problem(c.name + ": an error without a code or message: " + abbreviate(raw));
            } else if (frame.expected() != null && !frame.expected().equals(code)) {
                tally.problem(c.name + ": a " + frame.kind() + " frame wanted " + frame.expected() + " but got "
                        + abbreviate(raw) + " for " + abbreviate(frame.text()));
            } else if (frame.id() != null
                    && message.has("id")
                    && !message.path("id").asText().equals(frame.id())) {
                tally.problem(c.name + ": the answer to " + frame.id() + " came with id "
                        + message.path("id").asText());
            } else if (frame.id() != null
                    && !message.has("id")
                    && !type.equals("welcome")
                    && !List.of("too-large", "bad-json").contains(code)) {
                tally.problem(c.name + ": the answer to " + frame.id() + " (" + frame.kind() + ") has no id: "
                        + abbreviate(raw));
            }
            if (frame.id() != null && type.equals("ack")) {
                String first = firstAcks.putIfAbsent(frame.id(), raw);
                if (first != null && !first.equals(raw)) {
                    tally.problem(c.name + ": command id " + frame.id() + " was acked " + first + " then " + raw);
                }
            }
            return message;
        }
    }

    /**
     * What a connection may never be sent: a stranger nothing; anyone no one else's journal
     * entry; a participant no one else's facilitators-only answer, no "responded", nothing the
     * server keeps to itself. Its own are recognised by seq: a command's ack comes before its
     * events on the same connection.
     */
    private static void checkVisible(Connection c, JsonNode event, Tally tally) {
        String kind = event.path("kind").asText();
        JsonNode data = event.path("data");
        if (kind.equals("checkin.started")) {
            c.checkins.put(
                    data.path("checkinId").asText(), data.path("visibility").asText());
        }
        boolean leak;
        if (c.name.equals("stranger")) {
            leak = true;
        } else if (c.name.equals("facilitator")) {
            leak = kind.equals("journal.written")
                            && !c.own.contains(event.path("seq").asLong())
                    || kind.endsWith(".prepared");
        } else {
            boolean mine = c.own.contains(event.path("seq").asLong());
            leak = kind.equals("journal.written") && !mine
                    || kind.equals("checkin.answered")
                            && "facilitators"
                                    .equals(c.checkins.get(
                                            data.path("checkinId").asText()))
                            && !mine
                    || List.of(
                                    "checkin.responded",
                                    "roleplay.prepared",
                                    "reframe.prepared",
                                    "roleplay.note-for-facilitators")
                            .contains(kind);
        }
        if (leak) {
            tally.problem(c.name + " was sent what it may not see: " + abbreviate(event.toString()));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…(" + text.length() + " chars)";
    }

    /** Sends hello and waits for the welcome. */
    private static void hello(
            Connection c,
            String token,
            FrameFuzzer fuzzer,
            FrameFuzzer board,
            Tally tally,
            Map<String, String> firstAcks)
            throws Exception {
        var hello = FrameFuzzer.JSON
                .createObjectNode()
                .put("v", 1)
                .put("type", "hello")
                .put("id", fuzzer.nextId())
                .put("lastSeq", 0);
        if (token != null) {
            hello.put("token", token);
        }
        JsonNode welcome = exchange(
                c,
                new FrameFuzzer.Frame(
                        FrameFuzzer.write(hello), "hello", hello.path("id").asText(), null),
                board,
                tally,
                firstAcks);
        assertThat(welcome).as("%s's welcome", c.name).isNotNull();
        assertThat(welcome.path("type").asText())
                .as("%s's welcome: %s", c.name, welcome)
                .isEqualTo("welcome");
    }

    @Test
    void tenThousandHostileFramesAreEachAnsweredAndLeaveTheServerAndTheRoomWell() throws Exception {
        String code = freshRoom();
        FrameFuzzer board = new FrameFuzzer(SEED, "board", null);
        Tally tally = new Tally();
        Map<String, String> firstAcks = new ConcurrentHashMap<>();
        List<Joined> joined = new ArrayList<>();
        for (String name : List.of("Ana", "Ben", "Chi", "Dev")) {
            joined.add(join(code, name));
        }
        long started = System.nanoTime();
        try (LogCapture capture = LogCapture.install()) {
            ExecutorService pool = Executors.newFixedThreadPool(6);
            List<Future<?>> runs = new ArrayList<>();
            // the facilitator: hello, then facilitators' and participants' commands, mutated, with duplicate hellos
            runs.add(pool.submit(() -> {
                FrameFuzzer fuzzer = new FrameFuzzer(SEED * 31 + 1, "f", board);
                try (Connection c = new Connection(
                        "facilitator",
                        uri(code),
                        TestData.session(Persona.TRAINER_A).cookie())) {
                    hello(c, null, fuzzer, board, tally, firstAcks);
                    List<String> types = new ArrayList<>(FrameFuzzer.FACILITATOR_TYPES);
                    types.addAll(FrameFuzzer.PARTICIPANT_TYPES);
                    fuzz(c, fuzzer, board, tally, firstAcks, types, FRAMES * 30 / 100, true);
                }
                return null;
            }));
            // participants: commands before hello, hello, then their commands and facilitators' (refused), with
            // duplicate hellos
            for (int i = 0; i < joined.size(); i++) {
                Joined person = joined.get(i);
                int n = i;
                runs.add(pool.submit(() -> {
                    FrameFuzzer fuzzer = new FrameFuzzer(SEED * 31 + 10 + n, "p" + n, board);
                    try (Connection c = new Connection("participant " + n, uri(code), null)) {
                        List<String> types = new ArrayList<>(FrameFuzzer.PARTICIPANT_TYPES);
                        types.addAll(FrameFuzzer.FACILITATOR_TYPES.subList(0, 8));
                        fuzz(c, fuzzer, board, tally, firstAcks, types, 40, false);
                        hello(c, person.token(), fuzzer, board, tally, firstAcks);
                        fuzz(c, fuzzer, board, tally, firstAcks, types, FRAMES * 15 / 100, true);
                    }
                    return null;
                }));
            }
            // a stranger who never says hello
            runs.add(pool.submit(() -> {
                FrameFuzzer fuzzer = new FrameFuzzer(SEED * 31 + 99, "s", board);
                try (Connection c = new Connection("stranger", uri(code), null)) {
                    fuzz(c, fuzzer, board, tally, firstAcks, FrameFuzzer.PARTICIPANT_TYPES, FRAMES * 10 / 100, false);
                }
                return null;
            }));
            pool.shutdown();
            for (Future<?> run : runs) {
                run.get(10, TimeUnit.MINUTES);
            }
            System.out.printf(
                    "websocket fuzz: %d frames in %d ms%n  frames: %s%n  answers: %s%n",
                    tally.sent.get(),
                    (System.nanoTime() - started) / 1_000_000,
                    new java.util.TreeMap<>(tally.frames),
                    new java.util.TreeMap<>(tally.answers));
            assertThat(tally.problems).as("frames without a proper answer").isEmpty();
            assertThat(tally.sent.get()).isGreaterThanOrEqualTo(10_000);
            assertThat(tally.answers.keySet())
                    .as("the run reached the room, not only the door")
                    .contains(
                            "ack",
                            "pong",
                            "welcome",
                            "error hello-first",
                            "error bad-json",
                            "error too-large",
                            "error unknown-type",
                            "error invalid",
                            "error not-allowed",
                            "error not-found",
                            "error conflict");

            assertThat(capture.describe())
                    .as("ERROR lines logged during the run")
                    .isEmpty();
        }

        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
        TestData.admin().get(lastCohortPath).then().statusCode(200);
        given().get("/api/rooms/" + code).then().statusCode(org.hamcrest.Matchers.lessThan(500));
        wellBehavedClientsStillUseTheRoom(code);
        theRoomRebuiltFromItsLogIsTheRoomTheServerHeld(code);
    }

    /** What became of a connection after a frame: its answer's type and code, or how it was closed. */
    private static String outcome(RawWebSocket ws) throws Exception {
        String answer = ws.next(ANSWER_WAIT_SECONDS);
        while (answer != null && answer.contains("\"type\":\"event\"")) {
            answer = ws.next(ANSWER_WAIT_SECONDS);
        }
        if (answer != null) {
            JsonNode node = FrameFuzzer.JSON.readTree(answer);
            return node.path("type").asText()
                    + (node.has("code") ? " " + node.path("code").asText() : "");
        }
        return "closed " + ws.awaitClose(ANSWER_WAIT_SECONDS);
    }

    private static String hello(String token) {
        return "{\"v\":1,\"type\":\"hello\",\"id\":\"h\",\"token\":\"" + token + "\"}";
    }

    /** Reads past the hello's welcome, events and synced. */
    private static void skipToSynced(RawWebSocket ws) throws Exception {
        String message;
        do {
            message = ws.next(ANSWER_WAIT_SECONDS);
            assertThat(message).as("messages up to synced").isNotNull();
        } while (!message.contains("\"synced\""));
    }

    @Test
    void framesNoBrowserWouldSendAreRefusedWithoutAnErrorLogged() throws Exception {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        byte[] ping = "{\"v\":1,\"type\":\"ping\",\"id\":\"p\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, String> outcomes = new java.util.LinkedHashMap<>();
        try (LogCapture capture = LogCapture.install()) {
            try (RawWebSocket ws = new RawWebSocket(uri(code))) {
                byte[] hello = hello(ana.token()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int third = hello.length / 3;
                ws.frame(RawWebSocket.TEXT, false, java.util.Arrays.copyOfRange(hello, 0, third), true);
                ws.frame(RawWebSocket.CONTINUATION, false, java.util.Arrays.copyOfRange(hello, third, 2 * third), true);
                ws.frame(
                        RawWebSocket.CONTINUATION,
                        true,
                        java.util.Arrays.copyOfRange(hello, 2 * third, hello.length),
                        true);
                outcomes.put("hello in three fragments", outcome(ws));
                skipToSynced(ws);
                ws.frame(RawWebSocket.PING, true, new byte[] {1, 2, 3}, true);
                ws.frame(RawWebSocket.TEXT, true, ping, true);
                outcomes.put("a control ping, then ping", outcome(ws));
                ws.frame(RawWebSocket.BINARY, true, ping, true);
                ws.frame(RawWebSocket.TEXT, true, ping, true);
                outcomes.put("a binary frame, then ping", outcome(ws));
                ws.frame(
                        RawWebSocket.TEXT,
                        true,
                        new byte[] {
                            '{',
                            '"',
                            (byte) 0xC3,
                            (byte) 0x28,
                            (byte) 0xFF,
                            (byte) 0xED,
                            (byte) 0xA0,
                            (byte) 0x80,
                            '"',
                            '}'
                        },
                        true);
                outcomes.put("text that is not UTF-8", outcome(ws));
            }
            try (RawWebSocket ws = new RawWebSocket(uri(code))) {
                byte[] big = new byte[20_000];
                java.util.Arrays.fill(big, (byte) 'a');
                ws.frame(
                        RawWebSocket.TEXT,
                        false,
                        "{\"v\":1,\"type\":\"ping\",\"id\":\"big\",\"x\":\"".getBytes(),
                        true);
                for (int i = 0; i < 4; i++) {
                    ws.frame(RawWebSocket.CONTINUATION, false, big, true);
                }
                ws.frame(RawWebSocket.CONTINUATION, true, "\"}".getBytes(), true);
                outcomes.put("80 KB in fragments", outcome(ws));
                ws.frame(RawWebSocket.TEXT, true, ping, true);
                outcomes.put("then ping", outcome(ws)); // answered: the connection still works (and has not said hello)
            }
            try (RawWebSocket ws = new RawWebSocket(uri(code))) {
                byte[] big = new byte[70_000];
                java.util.Arrays.fill(big, (byte) ' ');
                big[0] = '{';
                big[big.length - 1] = '}';
                ws.frame(RawWebSocket.TEXT, true, big, true);
                outcomes.put("one 70 KB frame", outcome(ws));
            }
            try (RawWebSocket ws = new RawWebSocket(uri(code))) {
                ws.frame(RawWebSocket.TEXT, true, ping, false);
                outcomes.put("an unmasked frame", outcome(ws));
            }
            try (RawWebSocket ws = new RawWebSocket(uri(code))) {
                ws.frame(0x3, true, ping, true);
                outcomes.put("a reserved opcode", outcome(ws));
            }
            try (RawWebSocket ws = new RawWebSocket(uri(code))) {
                ws.text(hello(ana.token()));
                outcomes.put("hello, then dropped without a close frame", outcome(ws));
                skipToSynced(ws);
                ws.drop();
            }
            System.out.println("frames no browser would send: " + outcomes);
            assertThat(outcomes)
                    .containsEntry("hello in three fragments", "welcome")
                    .containsEntry("a control ping, then ping", "pong")
                    .containsEntry("a binary frame, then ping", "pong")
                    .containsEntry("80 KB in fragments", "error too-large")
                    .containsEntry("then ping", "error hello-first")
                    .containsEntry("hello, then dropped without a close frame", "welcome");
            assertThat(outcomes.get("text that is not UTF-8"))
                    .as("text that is not UTF-8")
                    .isIn("error bad-json", "closed 1007");
            for (String broken : List.of("one 70 KB frame", "an unmasked frame", "a reserved opcode")) {
                assertThat(outcomes.get(broken)).as(broken).startsWith("closed");
            }
            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            wellBehavedClientsStillUseTheRoom(code);
            assertThat(capture.describe()).as("ERROR lines logged").isEmpty();
        }
    }

    /** Runs {@code count} frames on one connection; says hello again now and then once it has. */
    private static void fuzz(
            Connection c,
            FrameFuzzer fuzzer,
            FrameFuzzer board,
            Tally tally,
            Map<String, String> firstAcks,
            List<String> types,
            int count,
            boolean saidHello)
            throws Exception {
        java.util.Random random = new java.util.Random(fuzzer.hashCode());
        for (int i = 0; i < count; i++) {
            FrameFuzzer.Frame frame;
            if (saidHello && random.nextInt(200) == 0) {
                var again = FrameFuzzer.JSON
                        .createObjectNode()
                        .put("v", 1)
                        .put("type", "hello")
                        .put("id", fuzzer.nextId())
                        .put("token", "whatever");
                frame = new FrameFuzzer.Frame(
                        FrameFuzzer.write(again),
                        "second-hello",
                        again.path("id").asText(),
                        "invalid");
            } else {
                frame = fuzzer.next(types, saidHello);
            }
            if (exchange(c, frame, board, tally, firstAcks) == null) {
                return;
            }
        }
    }

    private void wellBehavedClientsStillUseTheRoom(String code) {
        try (RoomClient trainer = facilitator(code);
                RoomClient eve = participant(code, join(code, "Eve"))) {
            JsonNode journal = eve.ack(eve.send("journal.write", Map.of("text", "Still here after all that")));
            assertThat(journal.path("type").asText()).as("%s", journal).isEqualTo("ack");
            JsonNode note = trainer.ack(trainer.send("note.share", Map.of("text", "Thank you all")));
            assertThat(note.path("type").asText()).as("%s", note).isEqualTo("ack");
            assertThat(eve.await(m -> m.path("kind").asText().equals("note.shared")
                            && m.path("data").path("text").asText().equals("Thank you all")))
                    .isNotNull();
        }
    }

    /** Property (a) on the real log: the state folded again from what the database holds equals the server's. */
    private void theRoomRebuiltFromItsLogIsTheRoomTheServerHeld(String code) throws InterruptedException {
        Room room = QuarkusTransaction.requiringNew()
                .call(() -> Room.<Room>find(
                                "code", RoomCode.parse(code).orElseThrow().value())
                        .firstResult());
        RoomRuntime held = runtimes.runtime(room);
        // every client has closed; wait for the server to record the last of them leaving (a bound, not a timing check)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!held.connections.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(held.connections).as("connections still open").isEmpty();
        String live;
        held.lock.lock();
        try {
            live = StateSnapshot.of(held.state);
            runtimes.forget(room.id);
        } finally {
            held.lock.unlock();
        }
        String rebuilt = StateSnapshot.of(runtimes.runtime(room).state);
        assertThat(rebuilt).as("the room rebuilt from its stored log").isEqualTo(live);
    }
}
