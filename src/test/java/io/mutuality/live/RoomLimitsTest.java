package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What one connection may cost the server: every limit answers with a code, and the room goes on. */
@QuarkusTest
class RoomLimitsTest extends LiveRoomFixture {

    @Test
    void aMessageOverTheLimitInBytesIsTooLargeEvenWhenItHasFewerCharacters() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code)) {
            // 6,000 characters, 18,000 bytes in UTF-8
            String id = trainer.send("note.share", Map.of("text", "€".repeat(6000)));
            JsonNode answer = trainer.await(m -> m.path("type").asText().equals("error"));
            assertThat(answer.path("code").asText()).isEqualTo("too-large");
            assertThat(trainer.ack(trainer.send("note.share", Map.of("text", "Still here")))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            assertThat(id).isNotBlank();
        }
    }

    @Test
    void aFragmentedMessageOverTheFrameLimitIsAnsweredTooLarge() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code)) {
            List<String> parts = new ArrayList<>();
            parts.add("{\"v\":1,\"type\":\"note.share\",\"id\":\"big\",\"text\":\"");
            for (int i = 0; i < 20; i++) {
                parts.add("x".repeat(8 * 1024));
            }
            parts.add("\"}");
            trainer.sendFragments(parts);
            JsonNode answer = trainer.await(m -> m.path("type").asText().equals("error"));
            assertThat(answer.path("code").asText()).isEqualTo("too-large");
        }
        // the room goes on for everyone else
        try (RoomClient again = facilitator(code)) {
            assertThat(again.ack(again.send("note.share", Map.of("text", "After")))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
        }
    }

    @Test
    void aConnectionThatNeverSaysHelloIsClosed() {
        String code = freshRoom();
        RoomClient silent = RoomClient.connect(uri(code), null);
        RoomClient talking = facilitator(code);
        Instant later = Instant.now().plusSeconds(11);
        assertThat(connections.silentNewcomers(Instant.now())).isEmpty();
        assertThat(connections.silentNewcomers(later)).hasSize(1);
        connections.sweepConnections(later);
        assertThat(silent.closedWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(silent.closeCode()).isEqualTo(4001);
        assertThat(talking.closedWithin(Duration.ofMillis(200))).isFalse();
        talking.close();
    }

    @Test
    void onePersonMayHaveAFewConnectionsToARoomNotMore() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        List<RoomClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                clients.add(participant(code, ana));
            }
            RoomClient fifth = RoomClient.connect(uri(code), null);
            clients.add(fifth);
            assertThat(fifth.hello(ana.token(), 0).path("code").asText()).isEqualTo("too-many-connections");
            assertThat(fifth.closedWithin(Duration.ofSeconds(5))).isTrue();
            clients.get(0).close();
            RoomClient again = RoomClient.connect(uri(code), null);
            clients.add(again);
            assertThat(awaitWelcome(again, ana)).isEqualTo("welcome");
        } finally {
            clients.forEach(RoomClient::close);
        }
    }

    private static String awaitWelcome(RoomClient client, Joined who) {
        for (int attempt = 0; attempt < 20; attempt++) {
            JsonNode answer = client.hello(who.token(), 0);
            if (answer.path("type").asText().equals("welcome")) {
                return "welcome";
            }
            // the closed connection may not have been noticed yet
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return "refused";
    }

    @Test
    void aMemberSilentPastTheIdleLimitIsFoundIdleAndIsForgottenOnceClosed() throws Exception {
        String code = freshRoom();
        Instant later = Instant.now().plus(RoomConnections.IDLE_LIMIT).plusSeconds(5);
        List<RoomMember> openBefore = connections.idle(later); // by then, everything open now has gone quiet
        RoomClient trainer = facilitator(code);
        List<RoomMember> mine = connections.idle(later).stream()
                .filter(m -> !openBefore.contains(m))
                .toList();
        assertThat(mine).hasSize(1);
        RoomMember member = mine.get(0);
        assertThat(connections.idle(Instant.now())).doesNotContain(member);
        assertThat(connections.member(member.connection)).isSameAs(member);
        assertThat(connections.saidHello(member.connection)).isTrue();

        trainer.close();
        for (int i = 0; i < 50 && connections.member(member.connection) != null; i++) {
            Thread.sleep(100);
        }
        assertThat(connections.member(member.connection)).isNull();
        assertThat(connections.idle(later)).doesNotContain(member);
        assertThat(connections.queuedBytes(member.connection)).isZero();
    }

    /** Each connection's queue of waiting messages starts small: 16 slots, not Mutiny's 256 (issue 12). */
    @Test
    void aConnectionsMessageQueueStartsSmall() {
        assertThat(io.smallrye.mutiny.infrastructure.Infrastructure.getBufferSizeS())
                .isEqualTo(RoomConnections.MUTINY_QUEUE_CHUNK)
                .isEqualTo(16);
    }

    @Test
    void oneAddressMayHoldSoManyRoomConnectionsAndAClosedOneFreesItsPlace() {
        String code = freshRoom();
        RoomConnections live = io.quarkus.arc.ClientProxy.unwrap(connections);
        int limit = live.connectionsPerAddress;
        List<RoomClient> clients = new ArrayList<>();
        try {
            live.connectionsPerAddress = 2;
            clients.add(RoomClient.connect(uri(code), null));
            clients.add(RoomClient.connect(uri(code), null));
            RoomClient third = RoomClient.connect(uri(code), null);
            clients.add(third);
            assertThat(third.closedWithin(Duration.ofSeconds(5))).isTrue();
            assertThat(third.closeCode()).isEqualTo(4029);
            clients.get(0).close();
            RoomClient again = null;
            for (int attempt = 0;
                    attempt < 20 && (again == null || again.closedWithin(Duration.ofMillis(300)));
                    attempt++) {
                again = RoomClient.connect(uri(code), null); // the closed one may not have been counted out yet
                clients.add(again);
            }
            assertThat(again.closedWithin(Duration.ofMillis(500))).isFalse();
        } finally {
            live.connectionsPerAddress = limit;
            clients.forEach(RoomClient::close);
        }
    }

    @Test
    void aPageOfAnotherSiteCannotOpenARoomConnection() {
        String code = freshRoom();
        RoomClient foreign = RoomClient.connect(
                uri(code), TestData.session(Persona.TRAINER_A).cookie(), Map.of("Origin", "https://elsewhere.example"));
        assertThat(foreign.closedWithin(Duration.ofSeconds(5))).isTrue();
        assertThat(foreign.closeCode()).isEqualTo(4003);
        RoomClient own = RoomClient.connect(
                uri(code),
                TestData.session(Persona.TRAINER_A).cookie(),
                Map.of("Origin", root.toString().replaceAll("/$", "")));
        assertThat(own.hello(null, 0).path("type").asText()).isEqualTo("welcome");
        own.close();
    }

    @Test
    void aConnectionWhoseOutputStopsMovingIsClosedOnceItsQueuePassesTheLimit() {
        AtomicReference<CloseReason> closedWith = new AtomicReference<>();
        WebSocketConnection stuck = (WebSocketConnection) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {WebSocketConnection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "id" -> "stuck-connection";
                    case "isOpen" -> closedWith.get() == null;
                    case "sendText" -> Uni.createFrom().emitter(emitter -> {}); // the socket never takes it
                    case "close" -> {
                        closedWith.set(args != null && args.length == 1 ? (CloseReason) args[0] : CloseReason.NORMAL);
                        yield Uni.createFrom().voidItem();
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        String frame = "x".repeat(1024);
        // one frame the socket never takes: stalled once the limit has passed, not before
        connections.sendRaw(stuck, frame);
        assertThat(connections.stalled(stuck, System.nanoTime())).isFalse();
        assertThat(connections.stalled(
                        stuck, System.nanoTime() + Duration.ofSeconds(21).toNanos()))
                .isTrue();
        int queued = 1;
        while (connections.sendRaw(stuck, frame) != null) {
            queued++;
            assertThat(queued).isLessThan(10_000);
        }
        assertThat(queued).isBetween(500, 512);
        assertThat(connections.queuedBytes(stuck)).isLessThanOrEqualTo(512 * 1024);
        assertThat(closedWith.get().getCode()).isEqualTo(4008);
        assertThat(connections.sendRaw(stuck, frame)).isNull();
    }
}
