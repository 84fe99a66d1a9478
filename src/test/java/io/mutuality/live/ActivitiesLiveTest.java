package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** A whole role-play and a whole reframing exercise over real WebSockets: a facilitator and seven participants. */
@QuarkusTest
class ActivitiesLiveTest extends LiveRoomFixture {

    private static final List<String> NAMES = List.of("Ana", "Ben", "Chi", "Dev", "Eli", "Fay", "Gus");

    private final Map<String, Joined> joined = new LinkedHashMap<>();
    private final Map<String, RoomClient> clients = new LinkedHashMap<>();
    private final Map<String, String> nameOf = new HashMap<>();

    private void everyoneIn(String code) {
        for (String name : NAMES) {
            Joined j = join(code, name);
            joined.put(name, j);
            nameOf.put(j.id(), name);
            clients.put(name, participant(code, j));
        }
    }

    private void closeAll() {
        clients.values().forEach(RoomClient::close);
    }

    private static List<JsonNode> all(RoomClient client, String kind) {
        client.eventsAfterQuiet(60);
        return client.received.stream()
                .filter(m -> m.path("type").asText().equals("event")
                        && m.path("kind").asText().equals(kind))
                .toList();
    }

    /** Waits until the client has at least {@code count} events of this kind that match. */
    private static List<JsonNode> awaitAll(
            RoomClient client, String kind, java.util.function.Predicate<JsonNode> which, int count) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        while (true) {
            List<JsonNode> found = all(client, kind).stream().filter(which).toList();
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertThat(found).as("%s events", kind).hasSizeGreaterThanOrEqualTo(count);
                return found;
            }
        }
    }

    private static java.util.function.Predicate<JsonNode> inRound(int round) {
        return e -> e.path("data").path("round").asInt() == round;
    }

    private static void ok(RoomClient client, String type, Map<String, ?> fields) {
        JsonNode answer = client.ack(client.send(type, fields));
        assertThat(answer.path("type").asText()).as("%s: %s", type, answer).isEqualTo("ack");
    }

    /** This round's role of each participant, from the roles events a group received. */
    private Map<String, String> roles(RoomClient trainer, int round) {
        Map<String, String> roles = new HashMap<>();
        for (JsonNode event : awaitAll(trainer, "roleplay.roles", inRound(round), 2)) {
            if (event.path("data").path("round").asInt() == round) {
                event.path("data")
                        .path("roles")
                        .forEach(r -> roles.put(
                                nameOf.getOrDefault(r.path("participantId").asText(), "trainer"),
                                r.path("role").asText()));
            }
        }
        return roles;
    }

    /** Opens every group's scenario that waits behind a content note. */
    private void openWaitingScenarios(RoomClient trainer, String roleplayId, int round) {
        for (JsonNode offer : awaitAll(trainer, "roleplay.scenario-offered", inRound(round), 2)) {
            JsonNode d = offer.path("data");
            if (d.path("round").asInt() == round && !d.path("contentNote").isNull()) {
                String groupId = d.path("groupId").asText();
                String member = groupMembers(trainer, groupId).get(0);
                ok(clients.get(member), "roleplay.open", Map.of("roleplayId", roleplayId));
            }
        }
    }

    private List<String> groupMembers(RoomClient trainer, String groupId) {
        JsonNode grouped =
                all(trainer, "roleplay.grouped").stream().reduce((a, b) -> b).orElseThrow();
        for (JsonNode group : grouped.path("data").path("groups")) {
            if (group.path("groupId").asText().equals(groupId)) {
                return StreamSupport.stream(group.path("members").spliterator(), false)
                        .map(m -> nameOf.get(m.path("participantId").asText()))
                        .toList();
            }
        }
        throw new AssertionError("no group " + groupId);
    }

    @Test
    void aRolePlayOfThreeRoundsInTriadsWithAReconnectMidRound() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code)) {
            everyoneIn(code);
            ok(
                    trainer,
                    "roleplay.launch",
                    Map.of(
                            "moduleId",
                            "core-big-feelings",
                            "grouping",
                            "auto",
                            "oddRule",
                            "extra-observer",
                            "groupSize",
                            3,
                            "rounds",
                            3,
                            "minutes",
                            10));
            String roleplayId = clients.get("Ana")
                    .event("roleplay.launched")
                    .path("data")
                    .path("roleplayId")
                    .asText();
            JsonNode grouped = clients.get("Gus").event("roleplay.grouped");
            assertThat(grouped.path("data").path("groups")).hasSize(2);
            ok(trainer, "roleplay.start", Map.of("roleplayId", roleplayId));

            for (int round = 1; round <= 3; round++) {
                if (round > 1) {
                    ok(trainer, "roleplay.next-round", Map.of("roleplayId", roleplayId));
                }
                openWaitingScenarios(trainer, roleplayId, round);
                Map<String, String> roles = roles(trainer, round);
                assertThat(roles.keySet()).containsExactlyInAnyOrderElementsOf(NAMES);
                for (String name : NAMES) {
                    final int r = round;
                    List<JsonNode> cards = awaitAll(clients.get(name), "roleplay.card", inRound(r), 1);
                    assertThat(cards)
                            .allMatch(c -> c.path("data").path("role").asText().equals(roles.get(name)));
                }
                assertThat(all(trainer, "roleplay.card"))
                        .as("facilitators never receive role cards")
                        .isEmpty();

                if (round == 2) {
                    // Ana's laptop drops mid-round; she comes back on a new connection and finds her place again
                    clients.get("Ana").close();
                    RoomClient again = participant(code, joined.get("Ana"));
                    clients.put("Ana", again);
                    List<JsonNode> replay = again.eventsAfterQuiet();
                    JsonNode myGroup = replay.stream()
                            .filter(e -> e.path("kind").asText().equals("roleplay.grouped"))
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    assertThat(myGroup.toString()).contains(joined.get("Ana").id());
                    JsonNode card = replay.stream()
                            .filter(e -> e.path("kind").asText().equals("roleplay.card")
                                    && e.path("data").path("round").asInt() == 2)
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    assertThat(card.path("data").path("role").asText()).isEqualTo(roles.get("Ana"));
                    assertThat(card.path("data").path("card").asText()).isNotBlank();
                    JsonNode clock = replay.stream()
                            .filter(e -> e.path("kind").asText().equals("roleplay.round-started"))
                            .reduce((a, b) -> b)
                            .orElseThrow();
                    assertThat(clock.path("data").path("round").asInt()).isEqualTo(2);
                    Instant endsAt =
                            Instant.parse(clock.path("data").path("endsAt").asText());
                    assertThat(endsAt).isAfter(Instant.now());

                    // the one clock warns everyone, once
                    rooms.tick(endsAt.minusSeconds(30));
                    rooms.tick(endsAt.minusSeconds(20));
                    for (RoomClient client : clients.values()) {
                        awaitAll(client, "roleplay.time-warning", e -> true, 1);
                    }
                    for (RoomClient client : clients.values()) {
                        assertThat(all(client, "roleplay.time-warning")).hasSize(1);
                    }

                    // an observer's note stays between the observer and the people observed until they agree
                    String observer = roles.entrySet().stream()
                            .filter(e -> e.getValue().equals("observer"))
                            .findFirst()
                            .orElseThrow()
                            .getKey();
                    ok(
                            clients.get(observer),
                            "roleplay.note",
                            Map.of(
                                    "roleplayId",
                                    roleplayId,
                                    "task",
                                    "mutuality",
                                    "moment",
                                    "When you said you were tired too, the conversation evened out."));
                    JsonNode note = clients.get(observer).event("roleplay.note-given");
                    assertThat(all(trainer, "roleplay.note-given")).isEmpty();
                    for (JsonNode about : note.path("data").path("about")) {
                        String person = nameOf.get(about.path("participantId").asText());
                        assertThat(all(trainer, "roleplay.note-for-facilitators"))
                                .isEmpty();
                        ok(
                                clients.get(person),
                                "roleplay.note-consent",
                                Map.of(
                                        "roleplayId",
                                        roleplayId,
                                        "noteId",
                                        note.path("data").path("noteId").asText()));
                    }
                    assertThat(trainer.event("roleplay.note-for-facilitators")
                                    .path("data")
                                    .path("moment")
                                    .asText())
                            .contains("tired too");
                }
            }
            // everyone played each role of a triad; in the group of four, each played the person sharing or the
            // supporter
            Map<String, java.util.Set<String>> played = new HashMap<>();
            for (int round = 1; round <= 3; round++) {
                int r = round;
                roles(trainer, r)
                        .forEach((name, role) -> played.computeIfAbsent(name, k -> new java.util.HashSet<>())
                                .add(role));
            }
            for (JsonNode group : all(trainer, "roleplay.grouped").stream()
                    .reduce((a, b) -> b)
                    .orElseThrow()
                    .path("data")
                    .path("groups")) {
                for (JsonNode member : group.path("members")) {
                    String name = nameOf.get(member.path("participantId").asText());
                    if (group.path("members").size() == 3) {
                        assertThat(played.get(name))
                                .containsExactlyInAnyOrder("person-sharing", "peer-supporter", "observer");
                    } else {
                        assertThat(played.get(name)).hasSizeGreaterThanOrEqualTo(2);
                    }
                }
            }

            // debrief: a group shares with the room only what all its members agreed
            ok(trainer, "roleplay.debrief", Map.of("roleplayId", roleplayId));
            JsonNode lastGrouping = all(trainer, "roleplay.grouped").stream()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            String groupId = lastGrouping
                    .path("data")
                    .path("groups")
                    .get(0)
                    .path("groupId")
                    .asText();
            List<String> members = groupMembers(trainer, groupId);
            ok(
                    clients.get(members.get(0)),
                    "roleplay.share-propose",
                    Map.of("roleplayId", roleplayId, "text", "Staying curious was harder than it looked."));
            String proposalId = clients.get(members.get(1))
                    .event("roleplay.share-proposed")
                    .path("data")
                    .path("proposalId")
                    .asText();
            assertThat(all(trainer, "roleplay.share-proposed")).isEmpty();
            for (String member : members.subList(1, members.size())) {
                ok(
                        clients.get(member),
                        "roleplay.share-answer",
                        Map.of("roleplayId", roleplayId, "proposalId", proposalId, "agree", true));
            }
            ok(trainer, "roleplay.room-debrief", Map.of("roleplayId", roleplayId));
            String otherGroupMember =
                    NAMES.stream().filter(n -> !members.contains(n)).findFirst().orElseThrow();
            assertThat(clients.get(otherGroupMember)
                            .event("roleplay.shared")
                            .path("data")
                            .path("text")
                            .asText())
                    .isEqualTo("Staying curious was harder than it looked.");
            ok(trainer, "roleplay.end", Map.of("roleplayId", roleplayId));
        } finally {
            closeAll();
        }
        String summary = TestData.as(Persona.TRAINER_A)
                .get(lastCohortPath + "/days/1/room/summary")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(summary)
                .contains("Staying curious was harder than it looked.")
                .doesNotContain("tired too");
    }

    @Test
    void aReframingExerciseFromPrivateRewritesToASharedBoard() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code)) {
            everyoneIn(code);
            ok(trainer, "reframe.launch", Map.of("reframeIds", List.of("reframe-schizophrenic"), "mode", "solo"));
            JsonNode launched = clients.get("Ana").event("reframe.launched");
            String exerciseId = launched.path("data").path("exerciseId").asText();
            String statementId = launched.path("data")
                    .path("statements")
                    .get(0)
                    .path("statementId")
                    .asText();
            assertThat(launched.toString()).doesNotContain("I'd like to hear how he makes sense");

            ok(
                    clients.get("Ana"),
                    "reframe.write",
                    Map.of(
                            "exerciseId",
                            exerciseId,
                            "statementId",
                            statementId,
                            "text",
                            "ANA: He is a schizophrenic man who lives alone."));
            JsonNode written = clients.get("Ana").event("reframe.written");
            assertThat(written.path("data").path("marks"))
                    .anyMatch(m -> m.path("term").asText().equals("a schizophrenic"));
            ok(
                    clients.get("Ana"),
                    "reframe.write",
                    Map.of(
                            "exerciseId",
                            exerciseId,
                            "statementId",
                            statementId,
                            "text",
                            "ANA: He lives on his own; I'd like to know what that is like for him."));
            ok(
                    clients.get("Ben"),
                    "reframe.write",
                    Map.of(
                            "exerciseId",
                            exerciseId,
                            "statementId",
                            statementId,
                            "text",
                            "BEN: Something happened that I don't know yet."));
            ok(
                    clients.get("Chi"),
                    "reframe.write",
                    Map.of(
                            "exerciseId",
                            exerciseId,
                            "statementId",
                            statementId,
                            "text",
                            "CHI-KEEPS-THIS: I'm not ready to share this one."));
            ok(trainer, "reframe.reveal", Map.of("exerciseId", exerciseId));
            ok(
                    clients.get("Ana"),
                    "reframe.share",
                    Map.of("exerciseId", exerciseId, "statementId", statementId, "as", "named"));
            ok(
                    clients.get("Ben"),
                    "reframe.share",
                    Map.of("exerciseId", exerciseId, "statementId", statementId, "as", "anonymous"));
            ok(
                    clients.get("Chi"),
                    "reframe.share",
                    Map.of("exerciseId", exerciseId, "statementId", statementId, "as", "none"));

            List<JsonNode> board = awaitAll(clients.get("Dev"), "reframe.shared", e -> true, 2);
            assertThat(board).hasSize(2);
            JsonNode benEntry = board.stream()
                    .filter(e -> e.path("data").path("text").asText().startsWith("BEN"))
                    .findFirst()
                    .orElseThrow();
            assertThat(benEntry.path("data").has("name")).isFalse();
            assertThat(board.stream()
                            .filter(e -> e.path("data").path("text").asText().startsWith("ANA"))
                            .findFirst()
                            .orElseThrow()
                            .path("data")
                            .path("name")
                            .asText())
                    .isEqualTo("Ana");
            String entryId = benEntry.path("data").path("entryId").asText();

            ok(clients.get("Dev"), "reframe.resonate", Map.of("exerciseId", exerciseId, "entryId", entryId));
            assertThat(clients.get("Ben")
                            .event("reframe.resonated")
                            .path("data")
                            .path("entryId")
                            .asText())
                    .isEqualTo(entryId);
            assertThat(trainer.event("reframe.resonated")).isNotNull();
            assertThat(all(clients.get("Eli"), "reframe.resonated")).isEmpty();
            ok(trainer, "reframe.highlight", Map.of("exerciseId", exerciseId, "entryId", entryId, "on", true));
            ok(trainer, "reframe.examples", Map.of("exerciseId", exerciseId, "statementId", statementId));
            assertThat(clients.get("Gus")
                            .event("reframe.examples-shown")
                            .path("data")
                            .path("rewrites"))
                    .isNotEmpty();

            for (Map.Entry<String, RoomClient> client : clients.entrySet()) {
                String seen = String.valueOf(all(client.getValue(), "reframe.written"))
                        + all(client.getValue(), "reframe.shared")
                        + all(client.getValue(), "reframe.kept");
                assertThat(seen.contains("CHI-KEEPS-THIS"))
                        .as(client.getKey())
                        .isEqualTo(client.getKey().equals("Chi"));
            }
            assertThat(trainer.received.toString()).doesNotContain("CHI-KEEPS-THIS");
            ok(trainer, "reframe.close", Map.of("exerciseId", exerciseId));
        } finally {
            closeAll();
        }
        String summary = TestData.as(Persona.TRAINER_A)
                .get(lastCohortPath + "/days/1/room/summary")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(summary)
                .contains("BEN: Something happened")
                .contains("ANA: He lives on his own")
                .contains("\"name\":\"Ana\"")
                .doesNotContain("CHI-KEEPS-THIS")
                .doesNotContain("\"name\":\"Ben\"");
    }

    @Test
    void erasingSomeoneRemovesTheirRewritesAndTheirNameFromGroupsAndBoards() {
        String code = freshRoom();
        Joined zoltan = join(code, "Zoltan");
        Joined ana = join(code, "Ana");
        try (RoomClient trainer = facilitator(code);
                RoomClient z = participant(code, zoltan);
                RoomClient a = participant(code, ana)) {
            ok(
                    trainer,
                    "roleplay.launch",
                    Map.of("scenarioIds", List.of("respite-too-quiet"), "grouping", "auto", "groupSize", 2));
            z.event("roleplay.grouped");
            ok(trainer, "reframe.launch", Map.of("reframeIds", List.of("reframe-schizophrenic"), "mode", "pairs"));
            JsonNode paired = z.event("reframe.paired");
            String exerciseId = paired.path("data").path("exerciseId").asText();
            String toRewrite = StreamSupport.stream(
                            paired.path("data")
                                    .path("pairs")
                                    .get(0)
                                    .path("members")
                                    .spliterator(),
                            false)
                    .filter(m -> m.path("participantId").asText().equals(zoltan.id()))
                    .findFirst()
                    .orElseThrow()
                    .path("rewrites")
                    .asText();
            ok(
                    z,
                    "reframe.write",
                    Map.of("exerciseId", exerciseId, "statementId", toRewrite, "text", "ZOLTAN-WROTE this rewrite"));
            ok(trainer, "reframe.reveal", Map.of("exerciseId", exerciseId));
            ok(z, "reframe.share", Map.of("exerciseId", exerciseId, "statementId", toRewrite, "as", "named"));
            a.event("reframe.shared");
        }
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + zoltan.token())
                .get("/api/participant/export")
                .then()
                .statusCode(200)
                .body("contributions.text", org.hamcrest.Matchers.hasItem("ZOLTAN-WROTE this rewrite"));
        io.restassured.RestAssured.given()
                .header("Authorization", "Bearer " + zoltan.token())
                .delete("/api/participant")
                .then()
                .statusCode(204);
        runtimes.forget(Room.<Room>find("code", code).firstResult().id);
        try (RoomClient trainer = facilitator(code);
                RoomClient a = participant(code, ana)) {
            String everything = trainer.received.toString() + a.received;
            assertThat(everything)
                    .doesNotContain("Zoltan")
                    .doesNotContain("ZOLTAN-WROTE")
                    .contains("Someone who left");
        }
    }

    @Test
    void erasingSomeoneWhileTheirSocketIsOpenClosesItAndLaterEventsCarryNothingOfTheirs() {
        String code = freshRoom();
        Joined yara = join(code, "Yara");
        Joined ben = join(code, "Ben");
        try (RoomClient trainer = facilitator(code);
                RoomClient y = participant(code, yara);
                RoomClient b = participant(code, ben)) {
            ok(
                    trainer,
                    "roleplay.launch",
                    Map.of("scenarioIds", List.of("respite-too-quiet"), "grouping", "auto", "groupSize", 2));
            String roleplayId =
                    y.event("roleplay.launched").path("data").path("roleplayId").asText();
            y.event("roleplay.grouped");
            ok(y, "journal.write", Map.of("text", "YARA-PRIVATE journal line"));
            TestData.as(Persona.TRAINER_A)
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(Map.of("present", true, "minutes", 300, "note", "Yara left early to collect her son"))
                    .put(lastCohortPath + "/days/1/attendance/" + yara.id())
                    .then()
                    .statusCode(204);

            io.restassured.RestAssured.given()
                    .header("Authorization", "Bearer " + yara.token())
                    .delete("/api/participant")
                    .then()
                    .statusCode(204);
            // told, and closed: nothing more can be written under the erased id
            assertThat(y.await(m -> m.path("type").asText().equals("error"))
                            .path("code")
                            .asText())
                    .isEqualTo("unauthorised");
            assertThat(y.closedWithin(java.time.Duration.ofSeconds(5))).isTrue();
            RoomClient again = RoomClient.connect(uri(code), null);
            assertThat(again.hello(yara.token(), 0).path("code").asText()).isEqualTo("unauthorised");
            again.close();

            // the room's memory was folded again from the scrubbed log: regrouping names nobody erased
            ok(trainer, "roleplay.add-group", Map.of("roleplayId", roleplayId));
            JsonNode regrouped = b.await(m -> m.path("kind").asText().equals("roleplay.grouped")
                    && m.path("data").path("groups").size() == 2);
            assertThat(regrouped.toString()).doesNotContain("Yara").contains("Someone who left");
            String attendance = TestData.as(Persona.TRAINER_A)
                    .get(lastCohortPath + "/days/1/attendance")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(attendance).doesNotContain("collect her son").doesNotContain("Yara");
        }
        try (RoomClient trainer = facilitator(code)) {
            assertThat(trainer.received.toString()).doesNotContain("Yara").doesNotContain("YARA-PRIVATE");
        }
    }
}
