package io.mutuality.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: the least a live-room server has to do, with the application's wire shape and
 * nothing else. Rooms live in memory; {@code hello} gets {@code welcome} then {@code synced}; any
 * other command gets the room's next sequence number, an {@code ack} to the sender and one
 * {@code event} to every connection in the room, the sender included. No storage, no rules.
 *
 * <pre>java -cp mutuality-bench.jar io.mutuality.bench.BaselineServer PORT</pre>
 */
public final class BaselineServer extends AbstractVerticle {

    static final Map<String, Room> ROOMS = new ConcurrentHashMap<>();

    /** One room: its members and its sequence, both changed only under the room's lock. */
    static final class Room {
        final String code;
        final List<ServerWebSocket> members = new ArrayList<>();
        long seq;

        Room(String code) {
            this.code = code;
        }

        void receive(ServerWebSocket ws, String text) {
            JsonObject command;
            try {
                command = new JsonObject(text);
            } catch (RuntimeException e) {
                ws.writeTextMessage(
                        "{\"v\":1,\"type\":\"error\",\"code\":\"bad-json\",\"message\":\"That was not JSON.\"}");
                return;
            }
            String type = command.getString("type", "");
            String id = command.getString("id");
            if (type.equals("hello")) {
                synchronized (this) {
                    JsonObject welcome = new JsonObject()
                            .put("v", 1)
                            .put("type", "welcome")
                            .put(
                                    "you",
                                    new JsonObject()
                                            .put("kind", command.containsKey("token") ? "participant" : "facilitator")
                                            .put("id", Integer.toHexString(System.identityHashCode(ws)))
                                            .put("name", "Someone"))
                            .put("room", new JsonObject().put("code", code))
                            .put("latestSeq", seq)
                            .put("now", Instant.now().toString());
                    ws.writeTextMessage(welcome.encode());
                    members.add(ws);
                    ws.writeTextMessage("{\"v\":1,\"type\":\"synced\",\"seq\":" + seq + "}");
                }
                return;
            }
            if (type.equals("ping")) {
                ws.writeTextMessage(new JsonObject()
                        .put("v", 1)
                        .put("type", "pong")
                        .put("id", id)
                        .encode());
                return;
            }
            synchronized (this) {
                long s = ++seq;
                ws.writeTextMessage(new JsonObject()
                        .put("v", 1)
                        .put("type", "ack")
                        .put("id", id)
                        .put("seqs", new JsonArray().add(s))
                        .encode());
                command.remove("v");
                String event = new JsonObject()
                        .put("v", 1)
                        .put("type", "event")
                        .put("seq", s)
                        .put("kind", "x")
                        .put("data", command)
                        .encode();
                for (ServerWebSocket member : members) {
                    if (!member.isClosed()) {
                        member.writeTextMessage(event);
                    }
                }
            }
        }

        synchronized void leave(ServerWebSocket ws) {
            members.remove(ws);
        }
    }

    @Override
    public void start(Promise<Void> started) {
        HttpServerOptions options = new HttpServerOptions()
                .setHost("127.0.0.1")
                .setPort(config().getInteger("port"))
                .setMaxWebSocketFrameSize(65536)
                .setMaxWebSocketMessageSize(65536);
        vertx.createHttpServer(options)
                .webSocketHandler(ws -> {
                    if (!ws.path().startsWith("/ws/rooms/")) {
                        ws.reject(404);
                        return;
                    }
                    Room room = ROOMS.computeIfAbsent(ws.path().substring("/ws/rooms/".length()), Room::new);
                    ws.textMessageHandler(text -> room.receive(ws, text));
                    ws.closeHandler(v -> room.leave(ws));
                    ws.exceptionHandler(e -> {});
                })
                .requestHandler(request -> {
                    if (request.path().equals("/q/health/ready")) {
                        request.response()
                                .putHeader("Content-Type", "application/json")
                                .end("{\"status\":\"UP\"}");
                    } else {
                        request.response().setStatusCode(404).end();
                    }
                })
                .listen()
                .onSuccess(s -> started.complete())
                .onFailure(started::fail);
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx();
        // as many event loops as Quarkus gives its HTTP server: twice the processors
        int loops = 2 * Runtime.getRuntime().availableProcessors();
        vertx.deployVerticle(
                        BaselineServer.class.getName(),
                        new DeploymentOptions().setInstances(loops).setConfig(new JsonObject().put("port", port)))
                .onSuccess(id -> System.out.println(
                        "baseline: listening on 127.0.0.1:" + port + " with " + loops + " event loops"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
