package io.mutuality.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.ToIntFunction;

/**
 * The open-loop client: WebSocket connections on a few event loops (never a thread per
 * connection), commands fired at fixed due times by one scheduler thread, and every ack and event
 * matched back to the due time of the command that caused it.
 */
final class Load {

    final Vertx vertx;
    final WebSocketClient client;
    final String host;
    final int port;
    /** True against the baseline: it knows no rules, so ids are fixed and every command reaches the whole room. */
    final boolean baseline;

    final List<Room> rooms = new ArrayList<>();
    /** The phase events are counted against; null between phases (catch-ups and arrivals are ignored). */
    volatile boolean collecting;

    volatile Phase current;
    /** When the last message from the server arrived (to wait for quiet between phases). */
    volatile long lastText;

    Load(String host, int port, boolean baseline) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setBlockedThreadCheckInterval(10_000));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(100_000)
                .setMaxFrameSize(1 << 20)
                .setMaxMessageSize(8 << 20)
                .setConnectTimeout(20_000)
                .setIdleTimeout(0)
                // BENCH_DEFLATE=1: offer permessage-deflate, as every browser does
                .setTryUsePerMessageCompression(deflate()));
        this.host = host;
        this.port = port;
        this.baseline = baseline;
    }

    /** Whether the client offers permessage-deflate (BENCH_DEFLATE=1), as browsers do; off by default. */
    static boolean deflate() {
        return "1".equals(System.getenv("BENCH_DEFLATE"));
    }

    void close() {
        vertx.close()
                .toCompletionStage()
                .toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }

    // ------------------------------------------------------------------ rooms and connections

    /** One room: its connections, and which command each sequence number came from. */
    final class Room {
        final String code;
        final int index;
        final List<Conn> participants = new ArrayList<>();
        Conn facilitator;
        final HashMap<Long, Sent> bySeq = new HashMap<>();
        /** Events that came before the ack that names their sequence number: arrival times. */
        final HashMap<Long, long[]> early = new HashMap<>();

        Room(String code, int index) {
            this.code = code;
            this.index = index;
        }

        int members() {
            return participants.size() + (facilitator == null ? 0 : 1);
        }

        synchronized void acked(long[] seqs, Sent sent) {
            for (long seq : seqs) {
                bySeq.put(seq, sent);
                long[] arrivals = early.remove(seq);
                if (arrivals != null) {
                    for (int i = 1; i <= arrivals[0]; i++) {
                        sent.deliver(arrivals[i]);
                    }
                }
            }
        }

        synchronized void event(long seq, long now) {
            Sent sent = bySeq.get(seq);
            if (sent != null) {
                sent.deliver(now);
                return;
            }
            long[] arrivals = early.get(seq);
            if (arrivals == null) {
                arrivals = new long[8];
            } else if (arrivals[0] + 1 >= arrivals.length) {
                arrivals = java.util.Arrays.copyOf(arrivals, arrivals.length * 2);
            }
            arrivals[(int) ++arrivals[0]] = now;
            early.put(seq, arrivals);
        }

        synchronized void forget() {
            bySeq.clear();
            early.clear();
        }
    }

    /** A command that was acknowledged: when it was due, in which phase. */
    static final class Sent {
        final long due;
        final Phase phase;

        Sent(long due, Phase phase) {
            this.due = due;
            this.phase = phase;
        }

        void deliver(long at) {
            if (phase.closed) {
                phase.late.increment();
                return;
            }
            phase.fanout.recordValue(Math.max(0, (at - due) / 1000));
            phase.received.increment();
        }
    }

    /** Something a connection is to send at a due time. */
    abstract static class Action {
        final long due;
        final Phase phase;
        /** One at a time: the next command of this connection waits for this one's answer. */
        final boolean serial;

        Action(long due, Phase phase, boolean serial) {
            this.due = due;
            this.phase = phase;
            this.serial = serial;
        }

        /** The command's JSON without its id (added when sent), or null while something it needs is not yet known. */
        abstract JsonObject build(Conn conn);

        /** The connections that may see what the command causes, at the application (the baseline: the whole room). */
        abstract int expected(Conn conn);

        void acked(Conn conn, long[] seqs) {}
    }

    /** What a sent command waits for. */
    record Pending(Action action, String type) {}

    /** One WebSocket: a participant or a facilitator. Its fields are used on its own event loop only. */
    final class Conn {
        final Room room;
        final int member;
        final String token;
        final String cookie;
        Context context;
        WebSocket ws;
        volatile boolean open;
        final Promise<Void> synced = Promise.promise();
        final Map<String, Pending> inflight = new HashMap<>();
        final ArrayDeque<Action> waiting = new ArrayDeque<>();
        boolean busy;
        int ids;
        // what the room has told this connection
        String checkinId;
        String roleplayId;
        String role;
        String exerciseId;
        String statementId;
        String entryId;

        Conn(Room room, int member, String token, String cookie) {
            this.room = room;
            this.member = member;
            this.token = token;
            this.cookie = cookie;
            if (baseline) {
                checkinId = "k";
                roleplayId = "r";
                role = member < 0
                        ? null
                        : member % 3 == 0 ? "person-sharing" : member % 3 == 1 ? "peer-supporter" : "observer";
                exerciseId = "x";
                statementId = "x-1";
            }
        }

        boolean facilitator() {
            return member < 0;
        }

        boolean baselineRoom() {
            return baseline;
        }

        Future<Void> connect() {
            context = vertx.getOrCreateContext();
            Promise<Void> done = Promise.promise();
            context.runOnContext(v -> {
                WebSocketConnectOptions options = new WebSocketConnectOptions()
                        .setHost(host)
                        .setPort(port)
                        .setURI("/ws/rooms/" + room.code)
                        .setAllowOriginHeader(false);
                if (cookie != null) {
                    options.addHeader("Cookie", cookie);
                }
                client.connect(options)
                        .onSuccess(socket -> {
                            ws = socket;
                            open = true;
                            socket.textMessageHandler(this::onText);
                            socket.exceptionHandler(e -> {});
                            socket.closeHandler(x -> onClose());
                            JsonObject hello = new JsonObject()
                                    .put("v", 1)
                                    .put("type", "hello")
                                    .put("id", "hello")
                                    .put("lastSeq", 0);
                            if (token != null) {
                                hello.put("token", token);
                            }
                            socket.writeTextMessage(hello.encode());
                            done.complete();
                        })
                        .onFailure(done::fail);
            });
            return done.future().compose(v -> synced.future());
        }

        void onClose() {
            open = false;
            Phase phase = current;
            String reason = ws.closeStatusCode() == null
                    ? "no close frame"
                    : ws.closeStatusCode() + (ws.closeReason() == null ? "" : " " + ws.closeReason());
            if (phase != null) {
                phase.closedConnection(reason);
            } else {
                closedOutside.incrementAndGet();
            }
            synced.tryFail("closed: " + reason);
        }

        void onText(String text) {
            long now = System.nanoTime();
            lastText = now;
            String type = Wire.string(text, Wire.TYPE);
            if ("event".equals(type)) {
                long seq = Wire.number(text, Wire.SEQ);
                if (collecting) {
                    room.event(seq, now);
                }
                String kind = Wire.string(text, Wire.KIND);
                if (kind != null && Wire.KNOWLEDGE.contains(kind)) {
                    learn(kind, new JsonObject(text).getJsonObject("data"));
                    pump();
                }
            } else if ("ack".equals(type)) {
                JsonObject ack = new JsonObject(text);
                Pending pending = inflight.remove(ack.getString("id"));
                if (pending == null) {
                    return;
                }
                Action action = pending.action;
                JsonArray array = ack.getJsonArray("seqs");
                long[] seqs = new long[array == null ? 0 : array.size()];
                for (int i = 0; i < seqs.length; i++) {
                    seqs[i] = array.getLong(i);
                }
                if (action.phase.closed) {
                    action.phase.late.increment();
                } else {
                    action.phase.ack.recordValue(Math.max(0, (now - action.due) / 1000));
                    action.phase.acked.increment();
                    action.phase.expected.add(action.expected(this));
                }
                room.acked(seqs, new Sent(action.due, action.phase));
                action.acked(this, seqs);
                if (action.serial) {
                    busy = false;
                }
                pump();
            } else if ("error".equals(type)) {
                JsonObject error = new JsonObject(text);
                Pending pending = error.getString("id") == null ? null : inflight.remove(error.getString("id"));
                Phase phase = pending != null ? pending.action.phase : current;
                if (phase != null) {
                    phase.error(
                            pending == null ? error.getString("code") : pending.type + ": " + error.getString("code"));
                    if (pending != null) {
                        phase.rejected.increment();
                    }
                } else {
                    errorsOutside.incrementAndGet();
                }
                if (pending != null && pending.action.serial) {
                    busy = false;
                }
                if (!synced.future().isComplete() && "hello".equals(error.getString("id"))) {
                    synced.tryFail("hello refused: " + text);
                    ws.close();
                }
                pump();
            } else if ("synced".equals(type)) {
                synced.tryComplete();
            }
        }

        private void learn(String kind, JsonObject data) {
            if (baseline || data == null) {
                return;
            }
            switch (kind) {
                case "checkin.started" -> checkinId = data.getString("checkinId");
                case "checkin.closed" -> checkinId = null;
                case "roleplay.launched" -> roleplayId = data.getString("roleplayId");
                case "roleplay.card" -> role = data.getString("role");
                case "roleplay.ended" -> {
                    roleplayId = null;
                    role = null;
                }
                case "reframe.launched" -> {
                    exerciseId = data.getString("exerciseId");
                    JsonArray statements = data.getJsonArray("statements");
                    statementId = statements == null || statements.isEmpty()
                            ? null
                            : statements.getJsonObject(0).getString("statementId");
                    entryId = null;
                }
                case "reframe.closed" -> {
                    exerciseId = null;
                    statementId = null;
                    entryId = null;
                }
                default -> {}
            }
        }

        /** Called on this connection's event loop when an action falls due. */
        void fire(Action action) {
            waiting.add(action);
            pump();
        }

        void pump() {
            while (!waiting.isEmpty() && !busy) {
                Action action = waiting.peek();
                if (action.phase.closed || !open) {
                    waiting.poll();
                    continue;
                }
                JsonObject command = action.build(this);
                if (command == null) {
                    return; // waits for the room to tell it what it needs
                }
                waiting.poll();
                if (command == Scenarios.SKIP) {
                    action.phase.scheduled.decrement(); // not for this connection (its role)
                    continue;
                }
                String id = "c" + (++ids);
                command.put("v", 1).put("id", id);
                inflight.put(id, new Pending(action, command.getString("type")));
                action.phase.sent.increment();
                if (action.serial) {
                    busy = true;
                }
                ws.writeTextMessage(command.encode());
            }
        }

        /**
         * Forgets what is still waiting to be sent (between phases). Commands already sent stay
         * pending: their late answers still keep this connection's state (what it has shared) right.
         */
        void reset() {
            waiting.clear();
        }
    }

    final AtomicInteger closedOutside = new AtomicInteger();
    final AtomicInteger errorsOutside = new AtomicInteger();

    /** Opens the connections, at most {@code parallel} handshakes at a time; returns how many failed. */
    int connect(List<Conn> conns, int parallel, long timeoutSeconds) throws InterruptedException {
        Semaphore slots = new Semaphore(parallel);
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(conns.size());
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Conn conn : conns) {
            slots.acquire();
            conn.connect().onComplete(result -> {
                if (result.failed()) {
                    failed.incrementAndGet();
                    if (firstErrors.size() < 3) {
                        firstErrors.add(String.valueOf(result.cause()));
                    }
                }
                slots.release();
                done.countDown();
            });
        }
        if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
            failed.addAndGet((int) done.getCount());
        }
        if (!firstErrors.isEmpty()) {
            System.out.println("  connection failures, e.g. " + firstErrors);
        }
        return failed.get();
    }

    // ------------------------------------------------------------------ the schedule

    /** A connection and what it does at a due time. */
    record Item(long due, Conn conn, Action action) {}

    /**
     * Fires the items (sorted by due time) from one thread, each on its connection's event loop.
     * Items of the same phase are counted as scheduled up front, so commands the client could not
     * even send in time count against the server.
     */
    void play(List<Item> items) {
        for (Item item : items) {
            item.action.phase.scheduled.increment();
        }
        for (Item item : items) {
            long wait = item.due - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, 1_000_000));
                wait = item.due - System.nanoTime();
            }
            Conn conn = item.conn;
            if (conn.open) {
                conn.context.runOnContext(v -> conn.fire(item.action));
            }
        }
    }

    /**
     * Waits until the phases have every ack and every delivery they are owed, or {@code maxSeconds}
     * have passed, then closes them: what comes later is counted as late, not measured.
     */
    void drain(List<Phase> phases, double maxSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        while (System.nanoTime() < deadline && !phases.stream().allMatch(Phase::complete)) {
            Thread.sleep(20);
        }
        for (Phase phase : phases) {
            phase.drainSeconds = (System.nanoTime() - start) / 1e9;
            phase.closed = true;
        }
        Thread.sleep(50);
        for (Room room : rooms) {
            for (Conn conn : all(room)) {
                if (conn.context != null) {
                    conn.context.runOnContext(v -> conn.reset());
                }
            }
        }
        Thread.sleep(100);
        for (Phase phase : phases) {
            phase.unsent = phase.scheduled.sum() - phase.sent.sum();
            phase.unacked = phase.sent.sum() - phase.acked.sum() - phase.rejected.sum();
        }
    }

    /** Waits until no message has been received for {@code quietMs}, at most {@code maxSeconds}; returns the seconds waited. */
    double settle(int quietMs, double maxSeconds) throws InterruptedException {
        end();
        long start = System.nanoTime();
        long deadline = start + (long) (maxSeconds * 1e9);
        Thread.sleep(quietMs);
        while (System.nanoTime() < deadline && System.nanoTime() - lastText < quietMs * 1_000_000L) {
            Thread.sleep(20);
        }
        for (Room room : rooms) {
            room.forget();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    static List<Conn> all(Room room) {
        List<Conn> conns = new ArrayList<>(room.participants);
        if (room.facilitator != null) {
            conns.add(room.facilitator);
        }
        return conns;
    }

    /** Starts counting for these phases. */
    void begin(Phase phase) {
        for (Room room : rooms) {
            room.forget();
        }
        current = phase;
        collecting = true;
    }

    void end() {
        collecting = false;
        current = null;
    }

    /** A simple action built from a function of the connection. */
    static Action action(
            long due,
            Phase phase,
            boolean serial,
            java.util.function.Function<Conn, JsonObject> build,
            ToIntFunction<Conn> expected) {
        return new Action(due, phase, serial) {
            @Override
            JsonObject build(Conn conn) {
                return build.apply(conn);
            }

            @Override
            int expected(Conn conn) {
                return expected.applyAsInt(conn);
            }
        };
    }
}
