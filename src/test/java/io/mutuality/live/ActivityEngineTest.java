package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.Reframing;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomLibrary;
import io.mutuality.live.engine.RoomState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Role-plays and reframing, as rules without a server: who gets which event, and what the room refuses. */
class ActivityEngineTest {

    private static final Instant NOW = Instant.parse("2027-01-05T11:00:00Z");

    static final RoomLibrary.Scenario KITCHEN = new RoomLibrary.Scenario(
            "kitchen",
            "The kitchen at night",
            null,
            "It is three in the morning.",
            Map.of(
                    "person-sharing",
                    "SHARING-KITCHEN",
                    "peer-supporter",
                    "SUPPORTER-KITCHEN",
                    "observer",
                    "OBSERVER-KITCHEN"));
    static final RoomLibrary.Scenario WALK = new RoomLibrary.Scenario(
            "walk",
            "A walk after dark",
            "Mentions bereavement.",
            "Just before midnight.",
            Map.of("person-sharing", "SHARING-WALK", "peer-supporter", "SUPPORTER-WALK"));
    static final RoomLibrary.Scenario LIBRARY_QUIET = new RoomLibrary.Scenario(
            "quiet",
            "Too quiet",
            null,
            "At dinner.",
            Map.of(
                    "person-sharing",
                    "SHARING-QUIET",
                    "peer-supporter",
                    "SUPPORTER-QUIET",
                    "observer",
                    "OBSERVER-QUIET"));

    /** A small library: three scenarios, two statements, a lens that marks "schizophrenic" and "non-compliant". */
    static final RoomLibrary LIBRARY = new RoomLibrary() {
        final List<Scenario> scenarios = List.of(KITCHEN, WALK, LIBRARY_QUIET);

        @Override
        public Optional<Scenario> scenario(String id) {
            return scenarios.stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Scenario> scenarios(List<String> tasks) {
            return scenarios;
        }

        @Override
        public Optional<Statement> statement(String id) {
            return Stream.of(
                            new Statement(
                                    "label",
                                    "He's a schizophrenic who lives alone.",
                                    "diagnostic-label",
                                    List.of("He lives alone; I would like to hear his story.")),
                            new Statement("refuses", "She is non-compliant with her meds.", "controlling", List.of()))
                    .filter(s -> s.id().equals(id))
                    .findFirst();
        }

        @Override
        public Optional<RolePlayPlan> rolePlay(String moduleId) {
            return "core-big-feelings".equals(moduleId)
                    ? Optional.of(new RolePlayPlan(3, 3, 45, List.of("connection")))
                    : Optional.empty();
        }

        @Override
        public List<LensMark> lens(String text) {
            List<LensMark> marks = new ArrayList<>();
            for (String term : List.of("schizophrenic", "non-compliant")) {
                int at = text.toLowerCase().indexOf(term);
                if (at >= 0) {
                    marks.add(new LensMark(
                            at, at + term.length(), text.substring(at, at + term.length()), term, "diagnostic"));
                }
            }
            return marks;
        }
    };

    private final RoomEngine engine = new RoomEngine();
    private final Actor trainer = new Actor(UUID.randomUUID(), "Sam", true);
    private final List<Actor> people = new ArrayList<>();
    private final List<RoomEvent> log = new ArrayList<>();
    private RoomState state;

    @BeforeEach
    void room() {
        state = new RoomState(List.of(), LIBRARY);
        apply(engine.arrive(state, trainer, NOW));
        for (String name : List.of("Ana", "Ben", "Chi", "Dev", "Eli", "Fay", "Gus")) {
            Actor person = new Actor(UUID.randomUUID(), name, false);
            people.add(person);
            apply(engine.arrive(state, person, NOW));
        }
    }

    private List<RoomEvent> apply(List<RoomEvent> events) {
        long seq = state.lastSeq();
        List<RoomEvent> stored = new ArrayList<>();
        for (RoomEvent event : events) {
            RoomEvent numbered = event.withSeq(++seq);
            state.apply(numbered);
            stored.add(numbered);
            log.add(numbered);
        }
        stored.forEach(e -> assertThat(RoomEngine.EVENT_KINDS).contains(e.kind()));
        return stored;
    }

    private List<RoomEvent> accept(Actor actor, Command command) {
        Decision decision = engine.decide(state, actor, command, NOW);
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Accepted.class);
        return apply(((Decision.Accepted) decision).events());
    }

    private String refuse(Actor actor, Command command) {
        Decision decision = engine.decide(state, actor, command, NOW);
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).code();
    }

    private Actor person(UUID id) {
        return people.stream().filter(p -> p.id().equals(id)).findFirst().orElse(trainer);
    }

    private static <T> T last(List<RoomEvent> events, String kind, Class<T> type, String key) {
        return type.cast(events.stream()
                .filter(e -> e.kind().equals(kind))
                .reduce((a, b) -> b)
                .orElseThrow()
                .data()
                .get(key));
    }

    @SuppressWarnings("unchecked")
    private List<List<UUID>> groups(List<RoomEvent> events) {
        List<Map<String, Object>> groups = last(events, "roleplay.grouped", List.class, "groups");
        List<List<UUID>> result = new ArrayList<>();
        for (Map<String, Object> g : groups) {
            result.add(((List<Map<String, Object>>) g.get("members"))
                    .stream()
                            .map(m -> UUID.fromString((String) m.get("participantId")))
                            .toList());
        }
        return result;
    }

    private String launchTriads(String oddRule, List<String> scenarios) {
        return last(
                accept(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l", null, "Being with big feelings", scenarios, null, 3, "auto", oddRule, 3, 8)),
                "roleplay.launched",
                String.class,
                "roleplayId");
    }

    @Test
    void sevenPeopleInTriadsWithAnExtraObserverMakeAGroupOfFourAndAGroupOfThree() {
        launchTriads("extra-observer", List.of("kitchen", "quiet"));
        assertThat(groups(log)).extracting(List::size).containsExactlyInAnyOrder(4, 3);
    }

    @Test
    void whenAFacilitatorJoinsTheyCompleteTheGroupAndGetTheirOwnCard() {
        String id = launchTriads("facilitator-joins", List.of("kitchen"));
        assertThat(groups(log)).extracting(List::size).containsExactly(3, 3, 2);
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        assertThat(started)
                .filteredOn(
                        e -> e.kind().equals("roleplay.card") && e.visibility().allows(trainer))
                .hasSize(1);
    }

    @Test
    void endingTheDayDuringARoundStopsTheRoundClock() {
        String id = launchTriads("extra-observer", List.of("kitchen"));
        accept(trainer, new Command.RoleplayStart("s", id));
        List<RoomEvent> ended = accept(trainer, new Command.DayEnd("d"));
        assertThat(ended).extracting(RoomEvent::kind).containsExactly("roleplay.ended", "day.ended");
        assertThat(ended.get(0).data().get("roleplayId")).isEqualTo(id);
        // the round's time would be up by now; an ended day says nothing more
        assertThat(engine.tick(state, NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void rolesRotateSoThatOverThreeRoundsEveryoneInATriadPlaysEachRole() {
        String id = launchTriads("facilitator-joins", List.of("kitchen", "quiet"));
        accept(trainer, new Command.RoleplayStart("s", id));
        accept(trainer, new Command.RoleplayNextRound("n2", id));
        accept(trainer, new Command.RoleplayNextRound("n3", id));
        assertThat(refuse(trainer, new Command.RoleplayNextRound("n4", id))).isEqualTo("conflict");
        Map<UUID, Set<String>> played = new HashMap<>();
        for (RoomEvent card :
                log.stream().filter(e -> e.kind().equals("roleplay.card")).toList()) {
            played.computeIfAbsent(card.visibility().person(), k -> new HashSet<>())
                    .add((String) card.data().get("role"));
        }
        for (List<UUID> group : groups(log)) {
            for (UUID member : group) {
                Set<String> roles = played.get(member);
                if (group.size() == 3) {
                    assertThat(roles).containsExactlyInAnyOrder("person-sharing", "peer-supporter", "observer");
                } else {
                    assertThat(roles).containsExactlyInAnyOrder("person-sharing", "peer-supporter");
                }
            }
        }
    }

    @Test
    void aRoleCardReachesOnlyThePersonPlayingThatRole() {
        String id = launchTriads("extra-observer", List.of("kitchen"));
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        List<RoomEvent> cards =
                started.stream().filter(e -> e.kind().equals("roleplay.card")).toList();
        assertThat(cards).hasSize(7);
        for (RoomEvent card : cards) {
            UUID holder = card.visibility().person();
            assertThat(card.visibility().allows(trainer)).isFalse();
            for (Actor other : people) {
                assertThat(card.visibility().allows(other)).isEqualTo(other.id().equals(holder));
            }
            String role = (String) card.data().get("role");
            assertThat((String) card.data().get("card"))
                    .isEqualTo(KITCHEN.roles().get(role));
        }
        // the texts of every card stay out of every event anyone else can see
        for (RoomEvent event : log) {
            if (event.kind().equals("roleplay.card")) {
                continue;
            }
            for (String secret : List.of("SHARING-KITCHEN", "SUPPORTER-KITCHEN", "OBSERVER-KITCHEN")) {
                boolean mentions = event.data().toString().contains(secret);
                if (mentions) {
                    assertThat(event.kind()).isEqualTo("roleplay.prepared");
                    assertThat(people).noneMatch(p -> event.visibility().allows(p));
                    assertThat(event.visibility().allows(trainer)).isFalse();
                }
            }
        }
    }

    @Test
    void aContentNoteComesBeforeTheScenarioAndAnyoneInTheGroupCanSwapWithoutAReason() {
        String id = launchTriads("extra-observer", List.of("walk", "kitchen"));
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        RoomEvent walkOffer = started.stream()
                .filter(e -> e.kind().equals("roleplay.scenario-offered")
                        && "walk".equals(e.data().get("scenarioId")))
                .findFirst()
                .orElseThrow();
        assertThat(walkOffer.data().get("contentNote")).isEqualTo("Mentions bereavement.");
        String walkGroup = (String) walkOffer.data().get("groupId");
        assertThat(started)
                .noneMatch(e -> walkGroup.equals(e.data().get("groupId"))
                        && (e.kind().equals("roleplay.card") || e.kind().equals("roleplay.scenario-opened")));
        Actor member = person(walkOffer.visibility().people().iterator().next());
        // another group's member cannot open it
        Actor outsider = people.stream()
                .filter(p -> !walkOffer.visibility().people().contains(p.id()))
                .findFirst()
                .orElseThrow();
        assertThat(refuse(outsider, new Command.RoleplayOpen("o", id))).isEqualTo("conflict");

        List<RoomEvent> swapped = accept(member, new Command.RoleplaySwap("w", id));
        assertThat(swapped.get(0).kind()).isEqualTo("roleplay.scenario-offered");
        assertThat(swapped.get(0).data().get("scenarioId")).isEqualTo("kitchen");
        assertThat(swapped).extracting(RoomEvent::kind).contains("roleplay.scenario-opened", "roleplay.card");

        List<RoomEvent> back = accept(member, new Command.RoleplaySwap("w2", id));
        assertThat(back).extracting(RoomEvent::kind).containsExactly("roleplay.scenario-offered");
        List<RoomEvent> opened = accept(member, new Command.RoleplayOpen("o2", id));
        assertThat(opened.get(0).kind()).isEqualTo("roleplay.scenario-opened");
        assertThat(opened.get(0).data().get("shared")).isEqualTo(WALK.shared());
        assertThat(refuse(member, new Command.RoleplayOpen("o3", id))).isEqualTo("conflict");
    }

    @SuppressWarnings("unchecked")
    @Test
    void anObserversNoteReachesTheFacilitatorOnlyWhenEveryoneItIsAboutAgrees() {
        String id = launchTriads("facilitator-joins", List.of("kitchen"));
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        RoomEvent roles = started.stream()
                .filter(e ->
                        e.kind().equals("roleplay.roles") && ((List<?>) e.data().get("roles")).size() == 3)
                .findFirst()
                .orElseThrow();
        Map<String, UUID> byRole = new HashMap<>();
        for (Map<String, Object> r : (List<Map<String, Object>>) roles.data().get("roles")) {
            byRole.put((String) r.get("role"), UUID.fromString((String) r.get("participantId")));
        }
        Actor observer = person(byRole.get("observer"));
        Actor sharing = person(byRole.get("person-sharing"));
        Actor supporter = person(byRole.get("peer-supporter"));
        assertThat(refuse(supporter, new Command.RoleplayNote("x", id, "connection", "A moment", null)))
                .isEqualTo("conflict");
        assertThat(refuse(observer, new Command.RoleplayNote("x", id, "scores", "A moment", null)))
                .isEqualTo("invalid");

        RoomEvent note = accept(
                        observer,
                        new Command.RoleplayNote(
                                "n",
                                id,
                                "connection",
                                "When you asked what happened, the conversation opened up.",
                                null))
                .get(0);
        assertThat(note.kind()).isEqualTo("roleplay.note-given");
        assertThat(note.visibility().allows(trainer)).isFalse();
        assertThat(note.visibility().allows(sharing)).isTrue();
        assertThat(note.visibility().allows(supporter)).isTrue();
        assertThat(note.visibility().allows(observer)).isTrue();
        assertThat(people).filteredOn(p -> note.visibility().allows(p)).hasSize(3);
        String noteId = (String) note.data().get("noteId");

        List<RoomEvent> first = accept(sharing, new Command.RoleplayNoteConsent("c1", id, noteId));
        assertThat(first).extracting(RoomEvent::kind).containsExactly("roleplay.note-consented");
        assertThat(first).noneMatch(e -> e.visibility().allows(trainer));
        assertThat(refuse(observer, new Command.RoleplayNoteConsent("c0", id, noteId)))
                .isEqualTo("not-found");
        List<RoomEvent> second = accept(supporter, new Command.RoleplayNoteConsent("c2", id, noteId));
        RoomEvent forFacilitators = second.get(second.size() - 1);
        assertThat(forFacilitators.kind()).isEqualTo("roleplay.note-for-facilitators");
        assertThat(forFacilitators.visibility().allows(trainer)).isTrue();
        assertThat(people).noneMatch(p -> forFacilitators.visibility().allows(p));
        assertThat(forFacilitators.data().get("moment"))
                .isEqualTo("When you asked what happened, the conversation opened up.");
        assertThat(forFacilitators.data()).doesNotContainKey("byId");
    }

    @Test
    void aGroupSharesWithTheRoomOnlyWhatAllItsMembersAgreed() {
        String id = launchTriads("facilitator-joins", List.of("kitchen"));
        accept(trainer, new Command.RoleplayStart("s", id));
        List<UUID> group = groups(log).get(0);
        Actor a = person(group.get(0));
        Actor b = person(group.get(1));
        Actor c = person(group.get(2));
        assertThat(refuse(a, new Command.RoleplaySharePropose("p", id, "Too early")))
                .isEqualTo("conflict");
        accept(trainer, new Command.RoleplayDebrief("d", id));

        RoomEvent proposed = accept(a, new Command.RoleplaySharePropose("p1", id, "Slowing down opened things up."))
                .get(0);
        assertThat(proposed.visibility().allows(trainer))
                .as("the group decides first, alone")
                .isFalse();
        assertThat(proposed.visibility().allows(b)).isTrue();
        String agreedId = (String) proposed.data().get("proposalId");
        String declinedId = (String) accept(b, new Command.RoleplaySharePropose("p2", id, "Ana's story"))
                .get(0)
                .data()
                .get("proposalId");

        accept(b, new Command.RoleplayShareAnswer("a1", id, agreedId, true));
        List<RoomEvent> ready = accept(c, new Command.RoleplayShareAnswer("a2", id, agreedId, true));
        assertThat(ready).extracting(RoomEvent::kind).containsExactly("roleplay.share-agreed", "roleplay.share-ready");
        List<RoomEvent> declined = accept(c, new Command.RoleplayShareAnswer("a3", id, declinedId, false));
        assertThat(declined.get(0).kind()).isEqualTo("roleplay.share-declined");
        assertThat(declined.get(0).data()).doesNotContainKeys("participantId", "name", "by");
        assertThat(refuse(a, new Command.RoleplayShareAnswer("a4", id, declinedId, true)))
                .isEqualTo("conflict");

        List<RoomEvent> room = accept(trainer, new Command.RoleplayRoomDebrief("r", id));
        List<RoomEvent> shared =
                room.stream().filter(e -> e.kind().equals("roleplay.shared")).toList();
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).data().get("text")).isEqualTo("Slowing down opened things up.");
        assertThat(shared.get(0).visibility().allows(people.get(6))).isTrue();
        assertThat(log)
                .filteredOn(e -> e.data().toString().contains("Ana's story"))
                .allMatch(e -> !e.visibility().allows(trainer)
                        && e.visibility().people().equals(Set.copyOf(group)));
    }

    @Test
    void oneClockForAllGroupsWarnsOnceAndEndsOnceAndCanBeExtended() {
        String id = launchTriads("extra-observer", List.of("kitchen"));
        RoomEvent round = accept(trainer, new Command.RoleplayStart("s", id)).stream()
                .filter(e -> e.kind().equals("roleplay.round-started"))
                .findFirst()
                .orElseThrow();
        Instant endsAt = Instant.parse((String) round.data().get("endsAt"));
        Instant warnAt = Instant.parse((String) round.data().get("warnAt"));
        assertThat(endsAt).isEqualTo(NOW.plusSeconds(8 * 60));
        assertThat(warnAt).isEqualTo(endsAt.minusSeconds(60));
        assertThat(engine.tick(state, warnAt.minusSeconds(1))).isEmpty();
        assertThat(apply(engine.tick(state, warnAt)))
                .extracting(RoomEvent::kind)
                .containsExactly("roleplay.time-warning");
        assertThat(engine.tick(state, warnAt.plusSeconds(5))).isEmpty();

        RoomEvent clock =
                accept(trainer, new Command.RoleplayExtend("e", id, 120)).get(0);
        assertThat(Instant.parse((String) clock.data().get("endsAt"))).isEqualTo(endsAt.plusSeconds(120));
        assertThat(engine.tick(state, endsAt)).isEmpty();
        assertThat(apply(engine.tick(state, endsAt.plusSeconds(61))))
                .extracting(RoomEvent::kind)
                .containsExactly("roleplay.time-warning");
        assertThat(apply(engine.tick(state, endsAt.plusSeconds(121))))
                .extracting(RoomEvent::kind)
                .containsExactly("roleplay.time-up");
        assertThat(engine.tick(state, endsAt.plusSeconds(500))).isEmpty();
        assertThat(refuse(trainer, new Command.RoleplayExtend("e2", id, 5))).isEqualTo("invalid");
    }

    @Test
    void manualAndChoiceGroupingAndTheirLimits() {
        String id = last(
                accept(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l", null, null, List.of("kitchen"), null, 2, "choice", "extra-observer", 2, 5)),
                "roleplay.launched",
                String.class,
                "roleplayId");
        assertThat(groups(log)).hasSize(3).allMatch(List::isEmpty);
        Actor ana = people.get(0);
        accept(ana, new Command.RoleplayChoose("c1", id, "g1"));
        accept(people.get(1), new Command.RoleplayChoose("c2", id, "g1"));
        accept(people.get(2), new Command.RoleplayChoose("c3", id, "g1"));
        assertThat(refuse(people.get(3), new Command.RoleplayChoose("c4", id, "g1")))
                .isEqualTo("conflict");
        assertThat(refuse(ana, new Command.RoleplayAssign("a", id, people.get(3).id(), "g2")))
                .isEqualTo("not-allowed");
        accept(trainer, new Command.RoleplayAssign("a", id, people.get(3).id(), "g2"));
        accept(trainer, new Command.RoleplayAssign("b", id, people.get(4).id(), "g3"));
        assertThat(refuse(trainer, new Command.RoleplayAssign("z", id, UUID.randomUUID(), "g2")))
                .isEqualTo("not-found");
        assertThat(refuse(trainer, new Command.RoleplayAssign("z", id, ana.id(), "g9")))
                .isEqualTo("not-found");
        // Fay and Gus are still unassigned: starting places them in the smallest groups, so nobody is alone
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        assertThat(groups(started)).extracting(List::size).containsExactly(3, 2, 2);
        assertThat(refuse(ana, new Command.RoleplayChoose("c5", id, "g2"))).isEqualTo("conflict");
    }

    @Test
    void aGroupOfOneCannotStart() {
        String id = last(
                accept(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l", null, null, List.of("kitchen"), null, 3, "manual", "extra-observer", 3, 5)),
                "roleplay.launched",
                String.class,
                "roleplayId");
        accept(trainer, new Command.RoleplayAddGroup("g", id));
        for (int i = 0; i < 6; i++) {
            accept(
                    trainer,
                    new Command.RoleplayAssign("a" + i, id, people.get(i).id(), "g1"));
        }
        accept(trainer, new Command.RoleplayAssign("a6", id, people.get(6).id(), "g3"));
        assertThat(refuse(trainer, new Command.RoleplayStart("s", id))).isEqualTo("conflict");
    }

    @Test
    void launchingChecksWhatItIsGiven() {
        assertThat(refuse(
                        people.get(0),
                        new Command.RoleplayLaunch("l", null, null, null, null, null, "auto", null, null, null)))
                .isEqualTo("not-allowed");
        assertThat(refuse(
                        trainer,
                        new Command.RoleplayLaunch("l", null, null, List.of("nope"), null, 3, "auto", null, 3, 5)))
                .isEqualTo("not-found");
        assertThat(refuse(trainer, new Command.RoleplayLaunch("l", null, null, null, null, 5, "auto", null, 3, 5)))
                .isEqualTo("invalid");
        assertThat(refuse(trainer, new Command.RoleplayLaunch("l", null, null, null, null, 3, "random", null, 3, 5)))
                .isEqualTo("invalid");
        assertThat(refuse(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l", "no-such-module", null, null, null, null, "auto", null, null, null)))
                .isEqualTo("not-found");
        assertThat(refuse(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l",
                                null,
                                null,
                                null,
                                new Command.AdHocScenario("Mine", null, "Shared", Map.of("person-sharing", "Yours")),
                                3,
                                "auto",
                                null,
                                3,
                                5)))
                .isEqualTo("invalid");
        List<RoomEvent> fromModule = accept(
                trainer,
                new Command.RoleplayLaunch("l", "core-big-feelings", null, null, null, null, "auto", null, null, null));
        assertThat(fromModule.get(0).data())
                .containsEntry("groupSize", 3)
                .containsEntry("rounds", 3)
                .containsEntry("minutes", 11)
                .containsEntry("scenarioCount", 3);
        assertThat(refuse(
                        trainer,
                        new Command.RoleplayLaunch("l2", null, null, null, null, null, "auto", null, null, null)))
                .isEqualTo("conflict");
    }

    @Test
    void anAdHocScenarioWorksLikeOneFromTheBank() {
        String id = last(
                accept(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l",
                                null,
                                "Our own",
                                null,
                                new Command.AdHocScenario(
                                        "At the bus stop",
                                        null,
                                        "A bus stop.",
                                        Map.of("person-sharing", "OWN-SHARING", "peer-supporter", "OWN-SUPPORTER")),
                                3,
                                "auto",
                                "facilitator-joins",
                                3,
                                5)),
                "roleplay.launched",
                String.class,
                "roleplayId");
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        assertThat(started)
                .filteredOn(e -> e.kind().equals("roleplay.card"))
                .extracting(e -> e.data().get("card"))
                .contains("OWN-SHARING", "OWN-SUPPORTER");
        assertThat(started)
                .filteredOn(e -> e.kind().equals("roleplay.card")
                        && "observer".equals(e.data().get("role")))
                .allMatch(e -> ((String) e.data().get("card")).contains("four tasks"));
    }

    /** Found by RoomEngineFuzzTest: {"observer": null} in an own scenario threw a NullPointerException. */
    @Test
    void anOwnScenarioWithARoleGivenAsNullLeavesThatRoleOut() {
        Map<String, String> roles = new java.util.HashMap<>();
        roles.put("person-sharing", "OWN-SHARING");
        roles.put("peer-supporter", "OWN-SUPPORTER");
        roles.put("observer", null);
        String id = last(
                accept(
                        trainer,
                        new Command.RoleplayLaunch(
                                "l",
                                null,
                                "Our own",
                                null,
                                new Command.AdHocScenario("At the bus stop", null, "A bus stop.", roles),
                                3,
                                "auto",
                                null,
                                3,
                                5)),
                "roleplay.launched",
                String.class,
                "roleplayId");
        List<RoomEvent> started = accept(trainer, new Command.RoleplayStart("s", id));
        assertThat(started)
                .filteredOn(e -> e.kind().equals("roleplay.card")
                        && "observer".equals(e.data().get("role")))
                .allMatch(e -> ((String) e.data().get("card")).contains("four tasks"));
    }

    @Test
    void someoneAddedDuringARoundObservesUntilTheNextAndTheHelpSignalAndListeningReachTheGroup() {
        Actor late = new Actor(UUID.randomUUID(), "Hal", false);
        String id = launchTriads("extra-observer", List.of("kitchen"));
        accept(trainer, new Command.RoleplayStart("s", id));
        apply(engine.arrive(state, late, NOW));
        people.add(late);
        List<RoomEvent> added = accept(trainer, new Command.RoleplayAssign("a", id, late.id(), "g1"));
        assertThat(added)
                .extracting(RoomEvent::kind)
                .containsExactly("roleplay.grouped", "roleplay.roles", "roleplay.card");
        assertThat(added.get(2).data()).containsEntry("role", "observer");
        assertThat(added.get(2).visibility().person()).isEqualTo(late.id());

        RoomEvent help = accept(late, new Command.RoleplayHelp("h", id, true)).get(0);
        assertThat(help.data())
                .containsEntry("groupId", "g1")
                .containsEntry("on", true)
                .doesNotContainKeys("name", "participantId");
        assertThat(help.visibility().allows(trainer)).isTrue();
        List<UUID> g2 = groups(log).get(1);
        assertThat(help.visibility().allows(person(g2.get(0)))).isFalse();
        List<RoomEvent> listening = accept(trainer, new Command.RoleplayListen("l", id, "g1"));
        assertThat(listening).extracting(RoomEvent::kind).containsExactly("roleplay.listening", "roleplay.help");
        assertThat(listening.get(1).data()).containsEntry("on", false);
        assertThat(listening.get(0).visibility().allows(late)).isTrue();
    }

    // ------------------------------------------------------------------ reframing

    private String launchReframe(String mode, List<String> bank, List<String> own) {
        return last(
                accept(trainer, new Command.ReframeLaunch("x", bank, own, mode)),
                "reframe.launched",
                String.class,
                "exerciseId");
    }

    @Test
    void anUnsharedRewriteNeverLeavesItsAuthor() {
        String id = launchReframe("solo", List.of("label"), List.of("They are attention-seeking."));
        Actor ana = people.get(0);
        List<RoomEvent> written =
                accept(ana, new Command.ReframeWrite("w", id, "label", "ANA-PRIVATE words, schizophrenic"));
        assertThat(written).hasSize(1);
        assertThat(written.get(0).data().get("marks")).asList().hasSize(1);
        accept(
                ana,
                new Command.ReframeWrite(
                        "w2", id, "label", "ANA-PRIVATE: he lives alone, and I wonder what happened."));
        assertThat(refuse(ana, new Command.ReframeShare("s0", id, "label", "named")))
                .isEqualTo("conflict");
        accept(trainer, new Command.ReframeReveal("r", id));
        accept(ana, new Command.ReframeShare("s", id, "label", "none"));
        for (RoomEvent event : log) {
            if (event.data().toString().contains("ANA-PRIVATE")) {
                assertThat(event.visibility().allows(ana)).isTrue();
                assertThat(event.visibility().allows(trainer)).isFalse();
                assertThat(people).filteredOn(p -> event.visibility().allows(p)).containsExactly(ana);
            }
        }
    }

    @Test
    void sharingNamedAnonymouslyOrNotAtAllAndMarkingWhatOpensSomething() {
        String id = launchReframe("solo", List.of("label", "refuses"), null);
        Actor ana = people.get(0);
        Actor ben = people.get(1);
        accept(ana, new Command.ReframeWrite("w1", id, "label", "He lives alone."));
        accept(ben, new Command.ReframeWrite("w2", id, "label", "I'd like to hear his story."));
        assertThat(refuse(ana, new Command.ReframeReveal("r", id))).isEqualTo("not-allowed");
        accept(trainer, new Command.ReframeReveal("r", id));
        assertThat(refuse(ana, new Command.ReframeShare("s", id, "refuses", "named")))
                .isEqualTo("not-found");
        assertThat(refuse(ana, new Command.ReframeShare("s", id, "label", "loud")))
                .isEqualTo("invalid");

        RoomEvent named = accept(ana, new Command.ReframeShare("s1", id, "label", "named"))
                .get(0);
        assertThat(named.data()).containsEntry("name", "Ana").containsEntry("text", "He lives alone.");
        assertThat(named.visibility().allows(ben)).isTrue();
        List<RoomEvent> anonymous = accept(ben, new Command.ReframeShare("s2", id, "label", "anonymous"));
        assertThat(anonymous.get(0).data()).doesNotContainKeys("name", "participantId");
        assertThat(anonymous.get(0).visibility().allows(ana)).isTrue();
        assertThat(anonymous.get(0).visibility().allows(ben)).isFalse();
        assertThat(anonymous.get(1).data()).containsEntry("name", "Ben").containsEntry("mine", true);
        assertThat(anonymous.get(1).visibility().person()).isEqualTo(ben.id());
        assertThat(refuse(ben, new Command.ReframeShare("s3", id, "label", "named")))
                .isEqualTo("conflict");

        String benEntry = (String) anonymous.get(0).data().get("entryId");
        assertThat(refuse(ben, new Command.ReframeResonate("o0", id, benEntry))).isEqualTo("conflict");
        List<RoomEvent> resonance = accept(ana, new Command.ReframeResonate("o1", id, benEntry));
        assertThat(resonance.get(0).kind()).isEqualTo("reframe.resonated");
        assertThat(resonance.get(0).visibility().allows(ben))
                .as("the author learns someone found it opening")
                .isTrue();
        assertThat(resonance.get(0).visibility().allows(trainer)).isTrue();
        assertThat(resonance.get(0).visibility().allows(people.get(2)))
                .as("no counts for the room")
                .isFalse();
        assertThat(resonance.get(0).data()).doesNotContainKeys("participantId", "name", "count");
        assertThat(resonance.get(1).visibility().person()).isEqualTo(ana.id());
        assertThat(refuse(ana, new Command.ReframeResonate("o2", id, benEntry))).isEqualTo("conflict");

        assertThat(accept(trainer, new Command.ReframeHighlight("h", id, benEntry, true))
                        .get(0)
                        .data())
                .containsEntry("on", true);
        assertThat(accept(trainer, new Command.ReframeExamples("e", id, "label"))
                        .get(0)
                        .data()
                        .get("rewrites"))
                .asList()
                .containsExactly("He lives alone; I would like to hear his story.");
        assertThat(refuse(trainer, new Command.ReframeExamples("e2", id, "refuses")))
                .isEqualTo("not-found");

        accept(ben, new Command.ReframeUnshare("u", id, benEntry));
        assertThat(refuse(ana, new Command.ReframeResonate("o3", id, benEntry))).isEqualTo("not-found");
        accept(ben, new Command.ReframeShare("s4", id, "label", "named"));
        accept(trainer, new Command.ReframeClose("c", id));
        assertThat(Reframing.exerciseId(state)).isNull();
    }

    @Test
    void inPairsEachRewritesTheOthersStatementThenTheyCompare() {
        String id = launchReframe("pairs", List.of("label", "refuses"), null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> pairs = last(log, "reframe.paired", List.class, "pairs");
        assertThat(pairs).hasSize(3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> members = pairs.stream()
                .map(p -> (List<Map<String, Object>>) p.get("members"))
                .filter(m -> m.size() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(pairs).anyMatch(p -> ((List<?>) p.get("members")).size() == 3);
        Actor first = person(UUID.fromString((String) members.get(0).get("participantId")));
        Actor second = person(UUID.fromString((String) members.get(1).get("participantId")));
        assertThat(members.get(0).get("rewrites")).isEqualTo(members.get(1).get("holds"));

        // the second puts the statement they hold in their own words; the first then rewrites that
        RoomEvent own = accept(second, new Command.ReframeStatement("o", id, "People say I am too much."))
                .get(0);
        String ownId = (String) own.data().get("statementId");
        assertThat(own.visibility().allows(first)).isTrue();
        assertThat(refuse(
                        first,
                        new Command.ReframeWrite(
                                "w0", id, (String) members.get(0).get("holds"), "Not mine")))
                .isEqualTo("conflict");
        List<RoomEvent> one = accept(first, new Command.ReframeWrite("w1", id, ownId, "You bring a lot of energy."));
        assertThat(one).extracting(RoomEvent::kind).containsExactly("reframe.written");
        List<RoomEvent> both = accept(
                second,
                new Command.ReframeWrite(
                        "w2",
                        id,
                        (String) members.get(1).get("rewrites"),
                        "Something happened that I don't know about yet."));
        assertThat(both).extracting(RoomEvent::kind).containsExactly("reframe.written", "reframe.compared");
        RoomEvent compared = both.get(1);
        assertThat(compared.visibility().allows(first)).isTrue();
        assertThat(compared.visibility().allows(trainer)).isFalse();
        assertThat(people).filteredOn(p -> compared.visibility().allows(p)).hasSize(members.size());
        assertThat(refuse(second, new Command.ReframeStatement("o2", id, "Changed my mind")))
                .isEqualTo("conflict");
    }

    @Test
    void theStateRebuiltFromTheLogDecidesTheSame() {
        String id = launchTriads("facilitator-joins", List.of("kitchen", "walk"));
        accept(trainer, new Command.RoleplayStart("s", id));
        accept(trainer, new Command.RoleplayNextRound("n", id));
        RoomState rebuilt = new RoomState(List.of(), RoomLibrary.EMPTY);
        log.forEach(rebuilt::apply);
        Actor member = person(groups(log).get(0).get(0));
        Decision original = engine.decide(state, member, new Command.RoleplaySwap("w", id), NOW);
        Decision again = engine.decide(rebuilt, member, new Command.RoleplaySwap("w", id), NOW);
        assertThat(again).isEqualTo(original);
    }
}
