package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The live room with real WebSocket clients: a facilitator and several participants in one room. */
@QuarkusTest
class LiveRoomTest extends LiveRoomFixture {

    @Test
    void openingARoomAnswers201WithALocationThatReadsTheRoomBack() {
        String code = freshRoom();
        String cohortId = lastCohortPath.substring(lastCohortPath.lastIndexOf('/') + 1);
        // freshRoom opened day 1; day 2 is opened here to see the 201
        // day 2 is months ahead: refused until the trainer says it is on purpose
        TestData.as(TestData.Persona.TRAINER_A)
                .post(lastCohortPath + "/days/2/room")
                .then()
                .statusCode(409)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("early"));
        var created = TestData.as(TestData.Persona.TRAINER_A).post(lastCohortPath + "/days/2/room?early=true");
        created.then().statusCode(201);
        String location = created.header("Location");
        assertThat(location)
                .endsWith("/api/organisations/" + TestData.organisationId() + "/cohorts/" + cohortId + "/days/2/room");
        assertThat(location).doesNotContain("early");
        String path = location.substring(location.indexOf("/api/"));
        TestData.as(TestData.Persona.TRAINER_A)
                .get(path)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("code", org.hamcrest.Matchers.equalTo(created.path("code")));
        TestData.as(TestData.Persona.TRAINER_A)
                .get(lastCohortPath + "/days/3/room")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(code).isNotEqualTo(created.path("code"));

        var practice = TestData.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("title", "Located"))
                .post("/api/organisations/" + TestData.organisationId() + "/practice-rooms");
        practice.then().statusCode(201);
        String practiceLocation = practice.header("Location");
        TestData.admin()
                .get(practiceLocation.substring(practiceLocation.indexOf("/api/")))
                .then()
                .statusCode(200)
                .body("code", org.hamcrest.Matchers.equalTo(practice.path("code")));
    }

    @Test
    void joiningShowsWhoIsHereAndSomeoneWithoutATokenIsRefused() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"))) {
            JsonNode joined = trainer.await(m -> m.path("kind").asText().equals("presence.joined")
                    && m.path("data").path("name").asText().equals("Ana"));
            assertThat(joined.path("data").path("role").asText()).isEqualTo("participant");
            assertThat(ana.eventsAfterQuiet())
                    .anyMatch(e -> e.path("data").path("name").asText().equals("Sam Okafor"));
        }
        try (RoomClient stranger = RoomClient.connect(uri(code), null)) {
            JsonNode answer = stranger.hello("forged.token", 0);
            assertThat(answer.path("code").asText()).isEqualTo("unauthorised");
            assertThat(stranger.closedWithin(Duration.ofSeconds(3))).isTrue();
        }
    }

    @Test
    void aCheckinWithAnAnswerAndAPassSeenByEachAsTheVisibilityAllows() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"));
                RoomClient ben = participant(code, join(code, "Ben"))) {
            String start = trainer.send(
                    "checkin.start",
                    Map.of(
                            "prompt",
                            "One word for how you arrive. You can pass.",
                            "visibility",
                            "everyone",
                            "mode",
                            "open"));
            assertThat(trainer.ack(start).path("type").asText()).isEqualTo("ack");
            String checkinId =
                    ana.event("checkin.started").path("data").path("checkinId").asText();

            ana.send("checkin.answer", Map.of("checkinId", checkinId, "word", "curious", "energy", 4));
            ben.send("checkin.pass", Map.of("checkinId", checkinId));

            JsonNode answered = ben.event("checkin.answered");
            assertThat(answered.path("data").path("name").asText()).isEqualTo("Ana");
            assertThat(answered.path("data").path("word").asText()).isEqualTo("curious");
            assertThat(ben.event("checkin.passed")
                            .path("data")
                            .path("checkinId")
                            .asText())
                    .isEqualTo(checkinId);
            assertThat(trainer.await(m -> m.path("kind").asText().equals("checkin.responded")
                            && m.path("data").path("participantId").asText().equals(idOf(trainer, "Ben"))))
                    .isNotNull();

            String close = trainer.send("checkin.close", Map.of("checkinId", checkinId));
            trainer.ack(close);
            JsonNode closed = ana.event("checkin.closed");
            assertThat(closed.path("data").path("answers").asInt()).isEqualTo(1);
            assertThat(closed.path("data").path("energy").path("4").asInt()).isEqualTo(1);

            // a pass looks no different from not having answered: Ana never hears of it, nor of who responded
            assertThat(kinds(ana.eventsAfterQuiet())).doesNotContain("checkin.passed", "checkin.responded");
        }
    }

    private static String idOf(RoomClient client, String name) {
        return client.received.stream()
                .filter(m -> m.path("kind").asText().equals("presence.joined")
                        && m.path("data").path("name").asText().equals(name))
                .findFirst()
                .orElseThrow()
                .path("data")
                .path("participantId")
                .asText();
    }

    @Test
    void facilitatorOnlyAndAnonymousAnswersReachOnlyWhomTheyMay() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"));
                RoomClient ben = participant(code, join(code, "Ben"))) {
            trainer.ack(trainer.send(
                    "checkin.start", Map.of("prompt", "Something just for us", "visibility", "facilitators")));
            String first =
                    ana.event("checkin.started").path("data").path("checkinId").asText();
            ana.ack(ana.send("checkin.answer", Map.of("checkinId", first, "sentence", "Tired but here")));
            assertThat(trainer.event("checkin.answered")
                            .path("data")
                            .path("sentence")
                            .asText())
                    .isEqualTo("Tired but here");
            assertThat(ana.event("checkin.answered").path("data").path("name").asText())
                    .isEqualTo("Ana");
            trainer.ack(trainer.send("checkin.close", Map.of("checkinId", first)));

            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "Anonymously", "visibility", "anonymous")));
            String second = ben.await(m -> m.path("kind").asText().equals("checkin.started")
                            && m.path("data").path("visibility").asText().equals("anonymous"))
                    .path("data")
                    .path("checkinId")
                    .asText();
            ana.ack(ana.send("checkin.answer", Map.of("checkinId", second, "word", "hopeful")));
            JsonNode seenByBen = ben.await(m -> m.path("kind").asText().equals("checkin.answered")
                    && m.path("data").path("checkinId").asText().equals(second));
            assertThat(seenByBen.path("data").has("name")).isFalse();
            assertThat(seenByBen.path("data").has("participantId")).isFalse();
            JsonNode seenByTrainer = trainer.await(m -> m.path("kind").asText().equals("checkin.answered")
                    && m.path("data").path("checkinId").asText().equals(second));
            assertThat(seenByTrainer.path("data").has("name")).isFalse();

            List<JsonNode> bens = ben.eventsAfterQuiet();
            assertThat(bens)
                    .noneMatch(e -> e.path("data").path("sentence").asText().equals("Tired but here"));
            assertThat(bens)
                    .noneMatch(e -> e.path("data").path("name").asText().equals("Ana")
                            && e.path("kind").asText().equals("checkin.answered"));
        }
    }

    @Test
    void aSpokenRoundKeepsATurnOrder() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"));
                RoomClient ben = participant(code, join(code, "Ben"))) {
            ben.event("presence.joined");
            trainer.ack(trainer.send(
                    "checkin.start", Map.of("prompt", "In turn", "visibility", "everyone", "mode", "round")));
            JsonNode started = ana.event("checkin.started");
            String anaId = idOf(trainer, "Ana");
            String benId = idOf(trainer, "Ben");
            assertThat(started.path("data").path("order").toString()).contains(anaId, benId);
            assertThat(ana.event("checkin.turn")
                            .path("data")
                            .path("participantId")
                            .asText())
                    .isEqualTo(anaId);
            ana.ack(ana.send(
                    "checkin.answer",
                    Map.of("checkinId", started.path("data").path("checkinId").asText(), "word", "ready")));
            assertThat(ben.await(m -> m.path("kind").asText().equals("checkin.turn")
                            && m.path("data").path("participantId").asText().equals(benId)))
                    .isNotNull();
        }
    }

    @Test
    void timersAreFactsThatPauseResumeAndExtend() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"))) {
            Instant before = Instant.now();
            trainer.ack(trainer.send("timer.set", Map.of("seconds", 600, "label", "Pairs")));
            JsonNode started = ana.event("timer.started");
            String timerId = started.path("data").path("timerId").asText();
            Instant endsAt = Instant.parse(started.path("data").path("endsAt").asText());
            assertThat(endsAt).isBetween(before.plusSeconds(599), Instant.now().plusSeconds(601));

            trainer.ack(trainer.send("timer.pause", Map.of("timerId", timerId)));
            assertThat(ana.event("timer.paused")
                            .path("data")
                            .path("remainingSeconds")
                            .asLong())
                    .isBetween(595L, 600L);
            trainer.ack(trainer.send("timer.extend", Map.of("timerId", timerId, "seconds", 120)));
            assertThat(ana.event("timer.paused")
                            .path("data")
                            .path("remainingSeconds")
                            .asLong())
                    .isBetween(715L, 720L);
            trainer.ack(trainer.send("timer.resume", Map.of("timerId", timerId)));
            assertThat(Instant.parse(ana.event("timer.resumed")
                            .path("data")
                            .path("endsAt")
                            .asText()))
                    .isAfter(Instant.now().plusSeconds(700));
            JsonNode refused = ana.ack(ana.send("timer.clear", Map.of("timerId", timerId)));
            assertThat(refused.path("code").asText()).isEqualTo("not-allowed");
        }
    }

    @Test
    void reconnectingWithTheLastSequenceGetsExactlyWhatWasMissedAndNothingPrivate() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        Joined ben = join(code, "Ben");
        long seen;
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            anaClient.eventsAfterQuiet();
            seen = anaClient.lastSeq();
            // Ana drops off; while she is away, things happen, some of them private to others
            anaClient.close();
            try (RoomClient benClient = participant(code, ben)) {
                benClient.ack(benClient.send("journal.write", Map.of("text", "Ben's private thought")));
                trainer.ack(trainer.send("note.share", Map.of("text", "Back at 11:15")));
                trainer.ack(trainer.send(
                        "checkin.start", Map.of("prompt", "While you were away", "visibility", "facilitators")));
                String checkinId = benClient
                        .event("checkin.started")
                        .path("data")
                        .path("checkinId")
                        .asText();
                benClient.ack(benClient.send("checkin.answer", Map.of("checkinId", checkinId, "word", "secretive")));
            }
        }
        try (RoomClient back = RoomClient.connect(uri(code), null)) {
            back.hello(ana.token(), seen);
            List<JsonNode> missed = back.eventsAfterQuiet();
            List<Long> seqs = missed.stream().map(e -> e.path("seq").asLong()).toList();
            assertThat(seqs).allMatch(s -> s > seen).isSorted().doesNotHaveDuplicates();
            assertThat(kinds(missed))
                    .contains("note.shared", "checkin.started")
                    .doesNotContain("journal.written", "checkin.responded", "checkin.answered");
            assertThat(missed.toString())
                    .doesNotContain("Ben's private thought")
                    .doesNotContain("secretive");
        }
    }

    @Test
    void aRepeatedCommandIdGetsTheFirstAnswerAndChangesNothing() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"))) {
            String id = "note-once";
            JsonNode first = trainer.ack(trainer.send("note.share", id, Map.of("text", "Only once")));
            JsonNode again = trainer.ack(trainer.send("note.share", id, Map.of("text", "Only once")));
            assertThat(again.path("seqs")).isEqualTo(first.path("seqs"));
            assertThat(ana.eventsAfterQuiet())
                    .filteredOn(e -> e.path("kind").asText().equals("note.shared"))
                    .hasSize(1);
        }
    }

    @Test
    void badMessagesGetErrorsWithCodesAndTheRoomCarriesOn() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code)) {
            trainer.sendRaw("{not json");
            assertThat(trainer.await(m -> m.path("type").asText().equals("error"))
                            .path("code")
                            .asText())
                    .isEqualTo("bad-json");
            trainer.sendRaw("{\"v\":1,\"type\":\"note.share\",\"id\":\"big\",\"text\":\"" + "x".repeat(20_000) + "\"}");
            assertThat(trainer.await(m -> m.path("code").asText().equals("too-large")))
                    .isNotNull();
            JsonNode unknown = trainer.ack(trainer.send("dance.start", Map.of()));
            assertThat(unknown.path("code").asText()).isEqualTo("unknown-type");
            JsonNode invalid = trainer.ack(trainer.send("timer.set", Map.of("seconds", "soon")));
            assertThat(invalid.path("code").asText()).isEqualTo("invalid");
            JsonNode tooShort = trainer.ack(trainer.send("timer.set", Map.of("seconds", 1)));
            assertThat(tooShort.path("code").asText()).isEqualTo("invalid");
            trainer.sendRaw("{\"v\":1,\"type\":\"ping\"}");
            assertThat(trainer.await(m -> m.path("type").asText().equals("error") && !m.has("id"))
                            .path("message")
                            .asText())
                    .contains("id");
            JsonNode pong = trainer.await(m -> m.path("type").asText().equals("pong")
                    || m.path("id").asText().equals(trainer.send("ping", Map.of())));
            assertThat(pong.path("type").asText()).isEqualTo("pong");
        }
        try (RoomClient early = RoomClient.connect(uri(code), null)) {
            JsonNode error = early.ack(early.send("note.share", Map.of("text", "hi")));
            assertThat(error.path("code").asText()).isEqualTo("hello-first");
        }
    }

    @Test
    void aRemovedParticipantIsSentOutAndCannotComeBackUntilLetIn() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            trainer.ack(trainer.send("participant.remove", Map.of("participantId", ana.id())));
            assertThat(anaClient.await(m -> m.path("code").asText().equals("removed")))
                    .isNotNull();
            assertThat(anaClient.closedWithin(Duration.ofSeconds(3))).isTrue();
            try (RoomClient again = RoomClient.connect(uri(code), null)) {
                assertThat(again.hello(ana.token(), 0).path("code").asText()).isEqualTo("removed");
            }
            trainer.ack(trainer.send("participant.admit", Map.of("participantId", ana.id())));
            try (RoomClient again = RoomClient.connect(uri(code), null)) {
                assertThat(again.hello(ana.token(), 0).path("type").asText()).isEqualTo("welcome");
            }
        }
    }

    @Test
    void whenAnotherNodeStoredTheRoomsNextEventFirstTheCommandIsDecidedAgainAfterIt() {
        String code = freshRoom();
        java.util.UUID roomId = Room.<Room>find("code", code).firstResult().id;
        double refoldsBefore =
                meters.get("mutuality.room.refolds").functionCounter().count();
        long before;
        try (RoomClient trainer = facilitator(code)) {
            before = trainer.ack(trainer.send("note.share", Map.of("text", "Back at 11:15")))
                    .path("seqs")
                    .get(0)
                    .asLong();
            // the room's next number is taken behind this node's back, as another node storing first would
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .run(() -> Room.getEntityManager()
                            .createNativeQuery(
                                    "insert into room_event (room_id, seq, kind, scope, data, created_at) values (?1, ?2, 'note.shared', "
                                            + "'EVERYONE', '{\"text\":\"Stored elsewhere\",\"by\":\"Someone\"}', ?3)")
                            .setParameter(1, roomId)
                            .setParameter(2, before + 1)
                            .setParameter(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                            .executeUpdate());

            trainer.send("note.share", "n-2", Map.of("text", "Tea is ready"));
            long seq = trainer.ack("n-2").path("seqs").get(0).asLong();
            assertThat(seq).isEqualTo(before + 2);
            JsonNode tea = trainer.await(m -> m.path("seq").asLong() == before + 2);
            assertThat(tea.path("data").path("text").asText()).isEqualTo("Tea is ready");
            // the other node's event reached this connection too, before its own, and nothing twice
            List<Long> seqs = trainer.received.stream()
                    .filter(m -> m.path("type").asText().equals("event"))
                    .map(m -> m.path("seq").asLong())
                    .toList();
            assertThat(seqs)
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, before + 2)
                            .boxed()
                            .toList());
            assertThat(trainer.received)
                    .anyMatch(m -> m.path("seq").asLong() == before + 1
                            && m.path("data").path("text").asText().equals("Stored elsewhere"));
            assertThat(trainer.closedWithin(Duration.ofMillis(300))).isFalse();
        }
        try (RoomClient fresh = facilitator(code)) {
            assertThat(fresh.received.stream()
                            .filter(m -> m.path("data").path("text").asText().equals("Tea is ready")))
                    .hasSize(1);
        }
        // and the operators see it in the metrics
        assertThat(meters.get("mutuality.room.refolds").functionCounter().count())
                .isGreaterThan(refoldsBefore);
    }

    @Test
    void aNodeThatMetAnotherNodesWriteGetsInWhileThatNodeKeepsWriting() throws Exception {
        String code = freshRoom();
        java.util.UUID roomId = Room.<Room>find("code", code).firstResult().id;
        try (RoomClient trainer = facilitator(code)) {
            trainer.ack(trainer.send("note.share", Map.of("text", "Before")));
            // another node writes the room without pause, each event under the room's row, as nodes do with several
            java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
            java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();
            Thread other = new Thread(() -> {
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!stop.get() && System.nanoTime() < deadline) {
                    try {
                        writeNext(roomId);
                        written.incrementAndGet();
                    } catch (RuntimeException takenByThisNode) {
                        // this node stored that number first: the other goes on after it
                    }
                    Thread.yield(); // and straight on to the next: the log's end moves all the time
                }
            });
            other.start();
            try {
                while (written.get() < 5) {
                    Thread.sleep(5);
                }
                for (int i = 0; i < 5; i++) {
                    JsonNode answer = trainer.ack(trainer.send("note.share", Map.of("text", "Mine " + i)));
                    assertThat(answer.path("type").asText()).isEqualTo("ack");
                }
                // every note of this node went in while the other was still writing, not after it stopped
                assertThat(other.isAlive()).isTrue();
            } finally {
                stop.set(true);
                other.join(10_000);
            }
            List<String> texts = Room.getEntityManager()
                    .createNativeQuery(
                            "select data from room_event where room_id = ?1 and kind = 'note.shared' order by seq")
                    .setParameter(1, roomId)
                    .getResultList()
                    .stream()
                    .map(String::valueOf)
                    .toList();
            assertThat(texts.stream().filter(t -> t.contains("Mine"))).hasSize(5);
            assertThat(written.get()).isGreaterThan(5);
        }
    }

    @Test
    void twentyCommandsInTenSecondsThenRateLimitedWhilePingsOfTheSameConnectionAreAlwaysAnswered() {
        String code = freshRoom();
        Joined ana = join(code, "Ana Limit");
        try (RoomClient client = participant(code, ana)) {
            // a heartbeat's worth and more: pings never take from the person's commands
            for (int i = 0; i < 25; i++) {
                String ping = client.send("ping", Map.of());
                assertThat(client.await(m -> ping.equals(m.path("id").asText()))
                                .path("type")
                                .asText())
                        .isEqualTo("pong");
            }
            // twenty commands are taken (refused by the room, but not by the limit; hello counted on the connection
            // alone)
            for (int i = 0; i < 20; i++) {
                assertThat(client.ack(client.send("checkin.answer", Map.of("checkinId", "none", "word", "w")))
                                .path("code")
                                .asText())
                        .isNotEqualTo("rate-limited");
            }
            JsonNode limited = client.ack(client.send("checkin.answer", Map.of("checkinId", "none", "word", "w")));
            assertThat(limited.path("type").asText()).isEqualTo("error");
            assertThat(limited.path("code").asText()).isEqualTo("rate-limited");
            // still alive, and told so
            String last = client.send("ping", Map.of());
            assertThat(client.await(m -> last.equals(m.path("id").asText()))
                            .path("type")
                            .asText())
                    .isEqualTo("pong");
            assertThat(client.closedWithin(Duration.ofMillis(200))).isFalse();
        }
    }

    /** Stores the room's next event as another node would: under the room's row, after the log's last. */
    private static void writeNext(java.util.UUID roomId) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Room.getEntityManager()
                    .createNativeQuery("select id from room where id = ?1 for update")
                    .setParameter(1, roomId)
                    .getResultList();
            long last = ((Number) Room.getEntityManager()
                            .createNativeQuery("select coalesce(max(seq), 0) from room_event where room_id = ?1")
                            .setParameter(1, roomId)
                            .getSingleResult())
                    .longValue();
            insertEvent(
                    roomId, last + 1, "note.shared", "{\"text\":\"busy\",\"by\":\"Other\"}", java.time.Instant.now());
        });
    }

    @Inject
    io.micrometer.core.instrument.MeterRegistry meters;

    @Inject
    RoomFeed feed;

    @Test
    void eventsAnotherNodeStoredAreFoldedInAndDeliveredInOrderAndTheirSideEffectsHappenHere() throws Exception {
        String code = freshRoom();
        java.util.UUID roomId = Room.<Room>find("code", code).firstResult().id;
        Joined ana = join(code, "Ana");
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            long before = trainer.ack(trainer.send("note.share", Map.of("text", "Hello")))
                    .path("seqs")
                    .get(0)
                    .asLong();
            anaClient.await(m -> m.path("seq").asLong() == before);
            // another node stored two events; the bus brings only the second (the first is read from the log)
            java.time.Instant at = java.time.Instant.now();
            String note = "{\"text\":\"From the other node\",\"by\":\"Sam\"}";
            String removed = "{\"participantId\":\"" + ana.id() + "\"}";
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                insertEvent(roomId, before + 1, "note.shared", note, at);
                insertEvent(roomId, before + 2, "participant.removed", removed, at);
            });
            io.mutuality.live.engine.RoomEvent removal = new io.mutuality.live.engine.RoomEvent(
                    before + 2,
                    at,
                    "participant.removed",
                    Map.of("participantId", ana.id()),
                    io.mutuality.live.engine.Visibility.EVERYONE,
                    null);
            feed.fromAnotherNode(new RoomBus.Stored(roomId, List.of(StoredEvent.of(removal, removed)), null, null));

            JsonNode gone = trainer.await(m -> m.path("seq").asLong() == before + 2);
            assertThat(gone.path("kind").asText()).isEqualTo("participant.removed");
            List<Long> seqs = trainer.received.stream()
                    .filter(m -> m.path("type").asText().equals("event"))
                    .map(m -> m.path("seq").asLong())
                    .filter(seq -> seq > before)
                    .toList();
            assertThat(seqs).containsExactly(before + 1, before + 2);
            assertThat(meters.get("mutuality.room.gaps.filled")
                            .functionCounter()
                            .count())
                    .isPositive();
            // the removal happened on the other node; Ana's connection here is closed all the same
            assertThat(anaClient
                            .await(m -> "removed".equals(m.path("code").asText()))
                            .path("type")
                            .asText())
                    .isEqualTo("error");
            assertThat(anaClient.closedWithin(Duration.ofSeconds(5))).isTrue();
            // and this node's copy of the room knows it: her next hello is refused
            assertThat(runtimes.runtime(Room.<Room>find("code", code).firstResult())
                            .state
                            .isRemoved(java.util.UUID.fromString(ana.id())))
                    .isTrue();
            // the next command here goes after the other node's events, without a conflict
            assertThat(trainer.ack(trainer.send("note.share", Map.of("text", "After")))
                            .path("seqs")
                            .get(0)
                            .asLong())
                    .isEqualTo(before + 3);
        }
    }

    @Test
    void aWriterHoldingItsBatchesFramesKeepsTheRoomsOrderAgainstAnotherThreadDelivering() throws Exception {
        String code = freshRoom();
        java.util.UUID roomId = Room.<Room>find("code", code).firstResult().id;
        try (RoomClient trainer = facilitator(code)) {
            long before = trainer.ack(trainer.send("note.share", Map.of("text", "Hello")))
                    .path("seqs")
                    .get(0)
                    .asLong();
            trainer.await(m -> m.path("seq").asLong() == before);
            java.time.Instant at = java.time.Instant.now();
            String first = "{\"text\":\"First\",\"by\":\"Sam\"}";
            String second = "{\"text\":\"Second\",\"by\":\"Sam\"}";
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                insertEvent(roomId, before + 1, "note.shared", first, at);
                insertEvent(roomId, before + 2, "note.shared", second, at);
            });
            StoredEvent one = StoredEvent.of(
                    new io.mutuality.live.engine.RoomEvent(
                            before + 1,
                            at,
                            "note.shared",
                            Map.of("text", "First", "by", "Sam"),
                            io.mutuality.live.engine.Visibility.EVERYONE,
                            null),
                    first);
            StoredEvent two = StoredEvent.of(
                    new io.mutuality.live.engine.RoomEvent(
                            before + 2,
                            at,
                            "note.shared",
                            Map.of("text", "Second", "by", "Sam"),
                            io.mutuality.live.engine.Visibility.EVERYONE,
                            null),
                    second);
            // the writer delivers the first event but holds its frames until its batch ends, as it does for every batch
            java.util.concurrent.CountDownLatch handed = new java.util.concurrent.CountDownLatch(1);
            Thread writer = new Thread(() -> {
                Fanout fanout = Fanout.current();
                fanout.hold();
                try {
                    feed.deliver(roomId, List.of(one));
                    handed.countDown();
                    java.util.concurrent.locks.LockSupport.parkNanos(
                            Duration.ofMillis(300).toNanos());
                } finally {
                    fanout.release();
                }
            });
            writer.start();
            assertThat(handed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // meanwhile another thread (a recovery, another node's events) delivers the next one
            feed.deliver(roomId, List.of(two));
            writer.join(5000);
            trainer.await(m -> m.path("seq").asLong() == before + 2);
            trainer.await(m -> m.path("seq").asLong() == before + 1);
            List<Long> seqs = trainer.received.stream()
                    .filter(m -> m.path("type").asText().equals("event"))
                    .map(m -> m.path("seq").asLong())
                    .filter(seq -> seq > before)
                    .toList();
            assertThat(seqs).containsExactly(before + 1, before + 2);
        }
    }

    private static void insertEvent(java.util.UUID roomId, long seq, String kind, String data, java.time.Instant at) {
        Room.getEntityManager()
                .createNativeQuery("insert into room_event (room_id, seq, kind, scope, data, created_at) "
                        + "values (?1, ?2, ?3, 'EVERYONE', ?4, ?5)")
                .setParameter(1, roomId)
                .setParameter(2, seq)
                .setParameter(3, kind)
                .setParameter(4, data)
                .setParameter(5, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .executeUpdate();
    }

    @Test
    void aCommandIdAnsweredOnAnotherNodeIsAnsweredFromTheLogNotDecidedTwice() {
        String code = freshRoom();
        java.util.UUID roomId = Room.<Room>find("code", code).firstResult().id;
        try (RoomClient trainer = facilitator(code)) {
            long before = trainer.ack(trainer.send("note.share", Map.of("text", "First")))
                    .path("seqs")
                    .get(0)
                    .asLong();
            java.util.UUID me = java.util.UUID.fromString(trainer.received.stream()
                    .filter(m -> m.path("type").asText().equals("welcome"))
                    .findFirst()
                    .orElseThrow()
                    .path("you")
                    .path("id")
                    .asText());
            String answer = "{\"v\":1,\"type\":\"ack\",\"id\":\"n-9\",\"seqs\":[" + (before + 1) + "]}";
            // another node took n-9 (this node has not heard of it) and stored its event and answer
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
                Room.getEntityManager()
                        .createNativeQuery("insert into room_event (room_id, seq, kind, scope, data, created_at) "
                                + "values (?1, ?2, 'note.shared', 'EVERYONE', '{\"text\":\"Once\",\"by\":\"Me\"}', ?3)")
                        .setParameter(1, roomId)
                        .setParameter(2, before + 1)
                        .setParameter(3, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                        .executeUpdate();
                Room.getEntityManager()
                        .createNativeQuery(
                                "insert into room_command (room_id, actor_id, command_id, response, created_at) "
                                        + "values (?1, ?2, 'n-9', ?3, ?4)")
                        .setParameter(1, roomId)
                        .setParameter(2, me)
                        .setParameter(3, answer)
                        .setParameter(4, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                        .executeUpdate();
            });

            trainer.send("note.share", "n-9", Map.of("text", "Once"));
            assertThat(trainer.ack("n-9").path("seqs").get(0).asLong()).isEqualTo(before + 1);
        }
        try (RoomClient fresh = facilitator(code)) {
            assertThat(fresh.received.stream()
                            .filter(m -> m.path("data").path("text").asText().equals("Once")))
                    .hasSize(1);
        }
    }

    @Test
    void whatAParticipantWroteIsInTheirExportAndErasingRemovesItsText() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            anaClient.ack(anaClient.send("journal.write", Map.of("text", "A private note to myself")));
            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "A word", "visibility", "everyone")));
            String checkinId = anaClient
                    .event("checkin.started")
                    .path("data")
                    .path("checkinId")
                    .asText();
            anaClient.ack(anaClient.send("checkin.answer", Map.of("checkinId", checkinId, "word", "grounded")));
        }
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + ana.token())
                .get("/api/participant/export")
                .then()
                .statusCode(200)
                .body("contributions.text", org.hamcrest.Matchers.hasItem("A private note to myself"))
                .body("contributions.word", org.hamcrest.Matchers.hasItem("grounded"));
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + ana.token())
                .delete("/api/participant")
                .then()
                .statusCode(204);
        Joined ben = join(code, "Ben");
        runtimes.forget(Room.<Room>find("code", code).firstResult().id);
        try (RoomClient trainer = facilitator(code);
                RoomClient benClient = participant(code, ben)) {
            String everything = trainer.received.toString() + benClient.received;
            assertThat(everything)
                    .doesNotContain("grounded")
                    .doesNotContain("A private note")
                    .doesNotContain("\"Ana\"");
        }
    }

    @Test
    void attendanceComesFromPresenceAndTrainersCanCorrectIt() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        Joined ben = join(code, "Ben");
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            trainer.await(m -> m.path("data").path("name").asText().equals("Ana"));
        }
        String attendance = lastCohortPath + "/days/1/attendance";
        TestData.as(Persona.TRAINER_A)
                .get(attendance)
                .then()
                .statusCode(200)
                .body("find { it.name == 'Ana' }.present", org.hamcrest.Matchers.equalTo(true))
                .body("find { it.name == 'Ana' }.firstJoined", org.hamcrest.Matchers.notNullValue())
                .body("find { it.name == 'Ana' }.lastLeft", org.hamcrest.Matchers.notNullValue())
                .body("find { it.name == 'Sam Okafor' }", org.hamcrest.Matchers.nullValue());
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("present", true, "minutes", 300, "note", "Joined from the car park on paper"))
                .put(attendance + "/" + ben.id())
                .then()
                .statusCode(204);
        TestData.as(Persona.TRAINER_A)
                .get(attendance)
                .then()
                .body("find { it.name == 'Ben' }.minutesPresent", org.hamcrest.Matchers.equalTo(300))
                .body("find { it.name == 'Ben' }.corrected", org.hamcrest.Matchers.equalTo(true));
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("present", true, "minutes", -5))
                .put(attendance + "/" + ben.id())
                .then()
                .statusCode(400);
        TestData.as(Persona.TRAINER_B).get(attendance).then().statusCode(404);
    }

    @Test
    void theProjectorsViewSeesOnlyWhatEveryoneSeesIsNeverCountedAsHereAndCanDoNothing() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        io.restassured.RestAssured.given()
                .post("/api/rooms/" + code + "/view")
                .then()
                .statusCode(401);
        TestData.as(Persona.TRAINER_B)
                .post("/api/rooms/" + code + "/view")
                .then()
                .statusCode(404);
        String token = TestData.as(Persona.TRAINER_A)
                .post("/api/rooms/" + code + "/view")
                .then()
                .statusCode(200)
                .extract()
                .path("token");
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana);
                RoomClient view = RoomClient.connect(uri(code), null)) {
            assertThat(view.hello(token, 0).path("type").asText()).isEqualTo("welcome");
            // a check-in only the facilitators see, answered
            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "Only for us", "visibility", "facilitators")));
            String hidden = anaClient
                    .event("checkin.started")
                    .path("data")
                    .path("checkinId")
                    .asText();
            anaClient.ack(anaClient.send("checkin.answer", Map.of("checkinId", hidden, "word", "FACILITATORS-ONLY")));
            trainer.await(m -> m.path("kind").asText().equals("checkin.responded"));
            trainer.ack(trainer.send("checkin.close", Map.of("checkinId", hidden)));
            anaClient.ack(anaClient.send("journal.write", Map.of("text", "MY-OWN-JOURNAL")));
            // then one everyone sees
            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "Out loud", "visibility", "everyone")));
            String shared = view.await(m -> m.path("kind").asText().equals("checkin.started")
                            && m.path("data").path("prompt").asText().equals("Out loud"))
                    .path("data")
                    .path("checkinId")
                    .asText();
            anaClient.ack(anaClient.send("checkin.answer", Map.of("checkinId", shared, "word", "SHARED-WORD")));
            view.await(m -> m.path("data").path("word").asText().equals("SHARED-WORD"));

            List<JsonNode> seen = view.eventsAfterQuiet();
            assertThat(seen.toString()).doesNotContain("FACILITATORS-ONLY").doesNotContain("MY-OWN-JOURNAL");
            assertThat(kinds(seen))
                    .doesNotContain("checkin.responded", "journal.written")
                    .contains("checkin.started", "checkin.closed", "checkin.answered");
            // nobody sees the projector arrive, and it can do nothing in the room
            assertThat(trainer.received.toString()).doesNotContain("The projector");
            String refused = view.send("note.share", Map.of("text", "From the wall"));
            assertThat(view.await(m -> m.path("type").asText().equals("error")
                                    && m.path("id").asText().equals(refused))
                            .path("code")
                            .asText())
                    .isEqualTo("not-allowed");
        }
        // a participant's token is not a view token, and a view token does not make a participant
        try (RoomClient wrong = RoomClient.connect(uri(freshRoom()), null)) {
            assertThat(wrong.hello(token, 0).path("code").asText()).isEqualTo("unauthorised");
        }
    }

    @Test
    void endingTheDayClosesAttendanceForEveryoneStillHere() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        String attendance = lastCohortPath + "/days/1/attendance";
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            trainer.await(m -> m.path("data").path("name").asText().equals("Ana"));
            TestData.as(Persona.TRAINER_A)
                    .get(attendance)
                    .then()
                    .body("find { it.name == 'Ana' }.lastLeft", org.hamcrest.Matchers.nullValue())
                    .body("find { it.name == 'Ana' }.leftAtEnd", org.hamcrest.Matchers.equalTo(false));
            trainer.ack(trainer.send("day.end", Map.of()));
            anaClient.event("day.ended");
            // Ana's connection is still open: the end of the day, not her leaving, closes her attendance
            TestData.as(Persona.TRAINER_A)
                    .get(attendance)
                    .then()
                    .statusCode(200)
                    .body("find { it.name == 'Ana' }.lastLeft", org.hamcrest.Matchers.notNullValue())
                    .body("find { it.name == 'Ana' }.leftAtEnd", org.hamcrest.Matchers.equalTo(true));
        }
    }

    @Test
    void theEndOfDaySummaryHoldsWhatWasSharedAndNothingPrivate() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"));
                RoomClient ben = participant(code, join(code, "Ben"))) {
            trainer.ack(trainer.send("agenda.move", Map.of("slot", 0)));
            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "Out loud", "visibility", "everyone")));
            String open =
                    ana.event("checkin.started").path("data").path("checkinId").asText();
            ana.ack(ana.send("checkin.answer", Map.of("checkinId", open, "word", "sunny", "energy", 5)));
            trainer.ack(trainer.send("checkin.close", Map.of("checkinId", open)));
            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "Just us", "visibility", "facilitators")));
            String quiet = ben.await(m -> m.path("data").path("prompt").asText().equals("Just us"))
                    .path("data")
                    .path("checkinId")
                    .asText();
            ben.ack(ben.send("checkin.answer", Map.of("checkinId", quiet, "sentence", "Only for the trainers")));
            ben.ack(ben.send("journal.write", Map.of("text", "Ben's own page")));
            trainer.ack(trainer.send("note.share", Map.of("text", "Lunch at 12:30")));
            trainer.ack(trainer.send("day.end", Map.of()));
        }
        String summary = TestData.as(Persona.TRAINER_A)
                .get(lastCohortPath + "/days/1/room/summary")
                .then()
                .statusCode(200)
                .body("participants", org.hamcrest.Matchers.equalTo(2))
                .body("agenda[0].minutesSpent", org.hamcrest.Matchers.notNullValue())
                .body("checkins[0].sharedAnswers[0].word", org.hamcrest.Matchers.equalTo("sunny"))
                .body("checkins[0].answers", org.hamcrest.Matchers.equalTo(1))
                .body("notes[0].text", org.hamcrest.Matchers.equalTo("Lunch at 12:30"))
                .extract()
                .asString();
        assertThat(summary).doesNotContain("Only for the trainers").doesNotContain("Ben's own page");
    }

    @Test
    void aConnectionSilentPastTheLimitIsTheOneTheSweepCloses() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"))) {
            trainer.eventsAfterQuiet();
            Instant now = Instant.now();
            assertThat(connections.idle(now)).noneMatch(m -> m.actor.name().equals("Ana"));
            assertThat(connections.idle(now.plus(RoomConnections.IDLE_LIMIT).plusSeconds(1)))
                    .anyMatch(m -> m.actor.name().equals("Ana"));
            ana.send("ping", Map.of());
            ana.await(m -> m.path("type").asText().equals("pong"));
            connections.closeIdle();
            assertThat(ana.closedWithin(Duration.ofMillis(500)))
                    .as("a connection heard from just now stays open")
                    .isFalse();
        }
    }

    @Test
    void aPracticeRoomRunsACheckinWithoutACohortDay() {
        String practice = "/api/organisations/" + TestData.organisationId() + "/practice-rooms";
        String code = TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Role-play practice after lunch"))
                .post(practice)
                .then()
                .statusCode(201)
                .body("cohortTitle", org.hamcrest.Matchers.equalTo("Role-play practice after lunch"))
                .body("dayNumber", org.hamcrest.Matchers.nullValue())
                .extract()
                .path("code");
        TestData.as(Persona.ADMIN_A)
                .get(practice)
                .then()
                .statusCode(200)
                .body("code", org.hamcrest.Matchers.hasItem(code));
        TestData.as(Persona.TRAINER_B).get(practice).then().statusCode(404);
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("title", " "))
                .post(practice)
                .then()
                .statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("title"));

        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"))) {
            JsonNode welcome = ana.received.get(0);
            assertThat(welcome.path("room").path("cohortTitle").asText()).isEqualTo("Role-play practice after lunch");
            assertThat(welcome.path("room").path("dayNumber").isNull()).isTrue();
            trainer.ack(trainer.send("checkin.start", Map.of("prompt", "How was that?", "visibility", "everyone")));
            String checkinId =
                    ana.event("checkin.started").path("data").path("checkinId").asText();
            assertThat(ana.ack(ana.send("checkin.answer", Map.of("checkinId", checkinId, "word", "stretched")))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
            assertThat(trainer.ack(trainer.send("agenda.move", Map.of("slot", 0)))
                            .path("code")
                            .asText())
                    .isEqualTo("invalid");
        }
        try (RoomClient other = RoomClient.connect(
                uri(code), TestData.session(Persona.TRAINER_B).cookie())) {
            assertThat(other.hello(null, 0).path("code").asText()).isEqualTo("unauthorised");
        }
    }

    @Test
    void aRoomRebuiltFromItsLogMidCheckinLosesNoAcknowledgedAnswer() {
        String code = freshRoom();
        Joined ana = join(code, "Ana");
        Joined ben = join(code, "Ben");
        String checkinId;
        try (RoomClient trainer = facilitator(code);
                RoomClient anaClient = participant(code, ana)) {
            trainer.ack(
                    trainer.send("checkin.start", Map.of("prompt", "Before the restart", "visibility", "everyone")));
            checkinId = anaClient
                    .event("checkin.started")
                    .path("data")
                    .path("checkinId")
                    .asText();
            assertThat(anaClient
                            .ack(anaClient.send(
                                    "checkin.answer", Map.of("checkinId", checkinId, "word", "kept", "energy", 3)))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
        }
        // as after a restart: this node forgets the room and must rebuild it from the stored log
        runtimes.forget(Room.<Room>find("code", code).firstResult().id);
        try (RoomClient trainer = facilitator(code);
                RoomClient benClient = participant(code, ben)) {
            assertThat(benClient.received.toString()).contains("kept");
            benClient.ack(benClient.send(
                    "checkin.answer", Map.of("checkinId", checkinId, "word", "still here", "energy", 5)));
            trainer.ack(trainer.send("checkin.close", Map.of("checkinId", checkinId)));
            JsonNode closed = benClient.event("checkin.closed");
            assertThat(closed.path("data").path("answers").asInt()).isEqualTo(2);
            assertThat(closed.path("data").path("energy").path("3").asInt()).isEqualTo(1);
            // the rebuilt state still knows Ana answered
            try (RoomClient anaAgain = participant(code, ana)) {
                trainer.ack(trainer.send("checkin.start", Map.of("prompt", "Next", "visibility", "everyone")));
                assertThat(anaAgain.event("checkin.started")).isNotNull();
            }
        }
    }
}
