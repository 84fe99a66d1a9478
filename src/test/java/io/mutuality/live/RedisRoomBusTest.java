package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.cluster.LocalRedis;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.Visibility;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two nodes' room buses on the local Redis (skipped where none answers). */
class RedisRoomBusTest {

    private final ObjectMapper json = new ObjectMapper();
    private Vertx vertx;
    private Redis redis;
    private RedisRoomBus nodeA;
    private RedisRoomBus nodeB;
    private final UUID room = UUID.randomUUID();
    private final List<String> heardOnA = new CopyOnWriteArrayList<>();
    private final List<String> heardOnB = new CopyOnWriteArrayList<>();
    private final AtomicInteger missedOnB = new AtomicInteger();

    @BeforeEach
    void nodes() throws InterruptedException {
        assumeTrue(LocalRedis.reachable(), "no Redis at " + LocalRedis.URL);
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, LocalRedis.URL);
        nodeA = new RedisRoomBus(() -> redis, json);
        nodeB = new RedisRoomBus(() -> redis, json);
        nodeA.subscribe(listener(heardOnA, new AtomicInteger()));
        nodeB.subscribe(listener(heardOnB, missedOnB));
        await(() -> nodeA.connected() && nodeB.connected());
    }

    @AfterEach
    void stop() {
        if (vertx != null) {
            nodeA.close();
            nodeB.close();
            redis.close();
            vertx.closeAndAwait();
        }
    }

    private RoomBus.Listener listener(List<String> heard, AtomicInteger missed) {
        return new RoomBus.Listener() {
            @Override
            public void stored(RoomBus.Stored stored, boolean fromAnotherNode) {
                if (stored.roomId().equals(room)) {
                    stored.events()
                            .forEach(e -> heard.add((fromAnotherNode ? "remote " : "local ")
                                    + e.event().seq() + " "
                                    + e.event().kind() + " " + e.data() + " "
                                    + e.event().visibility().scope()
                                    + (stored.commandId() == null ? "" : " answering " + stored.commandId())));
                }
            }

            @Override
            public void missed() {
                missed.incrementAndGet();
            }
        };
    }

    private StoredEvent event(long seq, String kind, String data, Visibility visibility) throws Exception {
        return StoredEvent.of(
                new RoomEvent(
                        seq,
                        Instant.parse("2027-01-04T09:00:00Z"),
                        kind,
                        json.readValue(data, Map.class),
                        visibility,
                        null),
                data);
    }

    @Test
    void whatOneNodeStoresReachesItsOwnListenersAtOnceAndTheOtherNodeOnceInOrder() throws Exception {
        UUID ana = UUID.randomUUID();
        UUID ben = UUID.randomUUID();
        nodeA.publish(new RoomBus.Stored(
                room,
                List.of(
                        event(1, "note.shared", "{\"text\":\"Tea at 11\"}", Visibility.EVERYONE),
                        event(
                                2,
                                "roleplay.note-given",
                                "{\"text\":\"ü – 😊\"}",
                                new Visibility(Visibility.Scope.PEOPLE, null, Set.of(ana, ben)))),
                ana,
                "c-1"));
        nodeA.publish(new RoomBus.Stored(
                room,
                List.of(event(
                        3, "journal.written", "{\"text\":\"mine\"}", new Visibility(Visibility.Scope.PERSON, ana))),
                null,
                null));

        await(() -> heardOnB.size() == 3);
        assertThat(heardOnA)
                .containsExactly(
                        "local 1 note.shared {\"text\":\"Tea at 11\"} EVERYONE answering c-1",
                        "local 2 roleplay.note-given {\"text\":\"ü – 😊\"} PEOPLE answering c-1",
                        "local 3 journal.written {\"text\":\"mine\"} PERSON");
        assertThat(heardOnB)
                .containsExactly(
                        "remote 1 note.shared {\"text\":\"Tea at 11\"} EVERYONE answering c-1",
                        "remote 2 roleplay.note-given {\"text\":\"ü – 😊\"} PEOPLE answering c-1",
                        "remote 3 journal.written {\"text\":\"mine\"} PERSON");
        Thread.sleep(200);
        assertThat(heardOnA).hasSize(3); // its own messages come back from Redis and are not taken twice
    }

    @Test
    void aMessageCarriesWhoMaySeeEachEventAndTheWireTextIsTheSame() throws Exception {
        UUID ana = UUID.randomUUID();
        StoredEvent sent = event(
                7,
                "roleplay.grouped",
                "{\"groups\":[{\"id\":\"g1\"}]}",
                new Visibility(Visibility.Scope.GROUP, null, Set.of(ana)));
        RoomBus.Stored back = nodeB.decode(nodeA.encode(new RoomBus.Stored(room, List.of(sent), ana, "c-9")));

        assertThat(back.roomId()).isEqualTo(room);
        assertThat(back.actorId()).isEqualTo(ana);
        assertThat(back.commandId()).isEqualTo("c-9");
        assertThat(back.events().get(0).wire()).isEqualTo(sent.wire());
        assertThat(back.events().get(0).event().visibility())
                .isEqualTo(sent.event().visibility());
        assertThat(nodeA.decode(nodeA.encode(new RoomBus.Stored(room, List.of(sent), null, null))))
                .isNull();
    }

    @Test
    void aNodeWhoseSubscriptionDropsSaysSoListensAgainAndIsToldItMayHaveMissedMessages() throws Exception {
        int before = missedOnB.get();
        // Redis ends every subscriber's connection, as a restart would
        redis.send(Request.cmd(Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub"))
                .await()
                .atMost(Duration.ofSeconds(5));
        await(() -> !nodeB.connected() || missedOnB.get() > before);
        await(() -> nodeB.connected() && missedOnB.get() > before);

        nodeA.publish(new RoomBus.Stored(
                room, List.of(event(4, "note.shared", "{\"text\":\"after\"}", Visibility.EVERYONE)), null, null));
        await(() -> heardOnB.stream().anyMatch(h -> h.startsWith("remote 4 ")));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
