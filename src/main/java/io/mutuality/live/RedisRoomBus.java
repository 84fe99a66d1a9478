package io.mutuality.live;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.Visibility;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The room bus between nodes that share one database: each node publishes what it stored on one
 * Redis channel and hears every other node's writes there. A node's own events reach its own
 * listeners at once, as on a single node; what comes from Redis is handed to the listeners on one
 * thread, in the order Redis delivered it.
 *
 * <p>Redis pub/sub keeps nothing: a message sent while a node's subscription is down is gone. So
 * the subscription's connection is watched; when it ends the bus says it is not connected (the
 * rooms read the log meanwhile) and connects again every second, and once subscribed again it tells
 * its listeners they {@link Listener#missed() missed} something. Publishing uses a connection of its
 * own, so a node's messages leave in the order they were stored; while it is down they wait in a
 * bounded queue.
 */
public class RedisRoomBus implements RoomBus {

    private static final Logger LOG = Logger.getLogger(RedisRoomBus.class);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** The channel every node publishes and listens on. */
    static final String CHANNEL = "mutuality:room-events";
    /** Messages kept while the publishing connection is down; past this the oldest go (other nodes read the log). */
    static final int MAX_WAITING = 10_000;

    private final Supplier<Redis> redis;
    private final ObjectMapper json;
    /** This process: its own messages come back from Redis and are skipped. */
    final String node = UUID.randomUUID().toString();

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService receiver = Executors.newSingleThreadExecutor(r -> daemon(r, "room-bus-receiver"));
    private final ScheduledExecutorService retry =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "room-bus-connect"));

    private volatile RedisConnection subscription;
    private volatile boolean subscribed;
    private volatile boolean everSubscribed;
    private volatile boolean closing;
    private boolean subscribing;

    private RedisConnection out;
    private boolean connectingOut;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();

    public RedisRoomBus(Supplier<Redis> redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public boolean connected() {
        return subscribed;
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
        subscribeNow();
    }

    @Override
    public void publish(Stored stored) {
        listeners.forEach(listener -> listener.stored(stored, false));
        if (!stored.events().isEmpty()) {
            send(encode(stored));
        }
    }

    // ---- publishing, in order, on a connection of its own

    private synchronized void send(String message) {
        if (out != null) {
            out.send(Request.cmd(Command.PUBLISH).arg(CHANNEL).arg(message))
                    .subscribe()
                    .with(
                            ok -> {},
                            failure -> LOG.debugf("A room message was not published: %s", failure.getMessage()));
            return;
        }
        if (waiting.size() >= MAX_WAITING) {
            waiting.pollFirst();
        }
        waiting.addLast(message);
        connectOut();
    }

    private synchronized void connectOut() {
        if (connectingOut || closing) {
            return;
        }
        connectingOut = true;
        redis.get()
                .connect()
                .subscribe()
                .with(
                        connection -> {
                            synchronized (this) {
                                connectingOut = false;
                                connection.exceptionHandler(failure -> dropOut(connection, failure));
                                connection.endHandler(() -> dropOut(connection, null));
                                out = connection;
                                while (!waiting.isEmpty()) {
                                    connection
                                            .send(Request.cmd(Command.PUBLISH)
                                                    .arg(CHANNEL)
                                                    .arg(waiting.pollFirst()))
                                            .subscribe()
                                            .with(ok -> {}, failure -> {});
                                }
                            }
                        },
                        failure -> {
                            synchronized (this) {
                                connectingOut = false;
                            }
                            LOG.debugf(
                                    "Redis did not take the room bus's publishing connection: %s",
                                    failure.getMessage());
                            retry.schedule(this::connectOutIfWaiting, 1, TimeUnit.SECONDS);
                        });
    }

    private synchronized void connectOutIfWaiting() {
        if (out == null && !waiting.isEmpty()) {
            connectOut();
        }
    }

    private synchronized void dropOut(RedisConnection connection, Throwable failure) {
        if (out == connection) {
            out = null;
            LOG.debugf(
                    "The room bus's publishing connection ended%s", failure == null ? "" : ": " + failure.getMessage());
        }
    }

    // ---- listening: one subscription, watched, and made again when it ends

    private void subscribeNow() {
        synchronized (this) {
            if (subscribing || subscription != null || closing) {
                return;
            }
            subscribing = true;
        }
        redis.get()
                .connect()
                .subscribe()
                .with(
                        connection -> {
                            connection.handler(this::received);
                            connection.exceptionHandler(failure -> lost(connection, failure));
                            connection.endHandler(() -> lost(connection, null));
                            subscription = connection;
                            connection
                                    .send(Request.cmd(Command.SUBSCRIBE).arg(CHANNEL))
                                    .subscribe()
                                    .with(
                                            ok -> {
                                                synchronized (this) {
                                                    subscribing = false;
                                                }
                                                boolean again = everSubscribed;
                                                everSubscribed = true;
                                                subscribed = true;
                                                LOG.infof(
                                                        "The room bus is listening on Redis%s", again ? " again" : "");
                                                // anything published while this node was not listening is in the log:
                                                // read it
                                                receiver.execute(() -> listeners.forEach(Listener::missed));
                                            },
                                            failure -> lost(connection, failure));
                        },
                        failure -> {
                            synchronized (this) {
                                subscribing = false;
                            }
                            LOG.debugf("Redis did not take the room bus's subscription: %s", failure.getMessage());
                            scheduleSubscribe();
                        });
    }

    private void lost(RedisConnection connection, Throwable failure) {
        synchronized (this) {
            if (subscription != connection) {
                return;
            }
            subscription = null;
            subscribing = false;
        }
        if (subscribed) {
            LOG.warnf(
                    "The room bus lost Redis%s; rooms read the log until it is back",
                    failure == null ? "" : " (" + failure.getMessage() + ")");
        }
        subscribed = false;
        connection.closeAndForget();
        scheduleSubscribe();
    }

    private void scheduleSubscribe() {
        if (!closing) {
            retry.schedule(this::subscribeNow, 1, TimeUnit.SECONDS);
        }
    }

    /** A push from Redis: a message on the channel (RESP2 and RESP3 shapes alike), or a reply to SUBSCRIBE. */
    private void received(Response response) {
        try {
            if (response.size() < 3 || !"message".equals(response.get(0).toString())) {
                return;
            }
            String text = response.get(2).toString();
            receiver.execute(() -> deliver(text));
        } catch (RuntimeException e) {
            LOG.debugf("Something Redis sent on the room bus could not be read: %s", e.getMessage());
        }
    }

    private void deliver(String text) {
        Stored stored;
        try {
            stored = decode(text);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("A room message from another node could not be read: %s", e.getMessage());
            return;
        }
        if (stored == null) {
            return; // this node's own
        }
        for (Listener listener : listeners) {
            try {
                listener.stored(stored, true);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Room %s: events from another node could not be taken in", stored.roomId());
            }
        }
    }

    // ---- the message: who sent it, the room, the command, and the events as stored

    String encode(Stored stored) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator out = json.getFactory().createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("node", node);
            out.writeStringField("room", stored.roomId().toString());
            if (stored.commandId() != null && stored.actorId() != null) {
                out.writeStringField("actor", stored.actorId().toString());
                out.writeStringField("command", stored.commandId());
            }
            out.writeArrayFieldStart("events");
            for (StoredEvent event : stored.events()) {
                RoomEvent e = event.event();
                out.writeStartObject();
                out.writeNumberField("seq", e.seq());
                out.writeStringField("at", e.at().toString());
                out.writeStringField("kind", e.kind());
                out.writeStringField("scope", e.visibility().scope().name());
                if (e.visibility().person() != null) {
                    out.writeStringField("person", e.visibility().person().toString());
                }
                if (e.visibility().peopleColumn() != null) {
                    out.writeStringField("people", e.visibility().peopleColumn());
                }
                if (e.actorId() != null) {
                    out.writeStringField("actorId", e.actorId().toString());
                }
                out.writeFieldName("data");
                out.writeRawValue(event.data());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("A room message could not be written", e);
        }
        return text.toString();
    }

    /** The message as stored events, or null when this node sent it. */
    Stored decode(String text) throws IOException {
        JsonNode message = json.readTree(text);
        if (node.equals(message.path("node").asText())) {
            return null;
        }
        UUID roomId = UUID.fromString(message.path("room").asText());
        List<StoredEvent> events = new ArrayList<>();
        for (JsonNode e : message.path("events")) {
            String data = json.writeValueAsString(e.path("data"));
            Visibility visibility = new Visibility(
                    Visibility.Scope.valueOf(e.path("scope").asText()),
                    uuid(e.path("person")),
                    Visibility.parsePeople(
                            e.hasNonNull("people") ? e.path("people").asText() : null));
            RoomEvent event = new RoomEvent(
                    e.path("seq").asLong(),
                    Instant.parse(e.path("at").asText()),
                    e.path("kind").asText(),
                    json.readValue(data, MAP),
                    visibility,
                    uuid(e.path("actorId")));
            events.add(StoredEvent.of(event, data));
        }
        return new Stored(
                roomId,
                events,
                uuid(message.path("actor")),
                message.hasNonNull("command") ? message.path("command").asText() : null);
    }

    private static UUID uuid(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : UUID.fromString(node.asText());
    }

    /** Stops listening and publishing (the application is stopping). */
    public void close() {
        closing = true;
        subscribed = false;
        RedisConnection listening = subscription;
        if (listening != null) {
            listening.closeAndForget();
        }
        synchronized (this) {
            if (out != null) {
                out.closeAndForget();
            }
        }
        retry.shutdownNow();
        receiver.shutdown();
    }
}
