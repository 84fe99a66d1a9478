package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Checkins;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomState;
import io.mutuality.live.engine.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The room's rules without a server: state + command gives events or a refusal. */
class RoomEngineTest {

    private static final Instant NOW = Instant.parse("2027-01-04T09:30:00Z");
    private final RoomEngine engine = new RoomEngine();
    private final Actor trainer = new Actor(UUID.randomUUID(), "Sam", true);
    private final Actor ana = new Actor(UUID.randomUUID(), "Ana", false);
    private final Actor ben = new Actor(UUID.randomUUID(), "Ben", false);
    private RoomState state;

    /** Applies events as the server would after storing them. */
    private List<RoomEvent> apply(List<RoomEvent> events) {
        long seq = state.lastSeq();
        List<RoomEvent> stored = new java.util.ArrayList<>();
        for (RoomEvent event : events) {
            RoomEvent numbered = event.withSeq(++seq);
            state.apply(numbered);
            stored.add(numbered);
        }
        stored.forEach(e -> assertThat(RoomEngine.EVENT_KINDS).contains(e.kind()));
        return stored;
    }

    private List<RoomEvent> accept(Actor actor, Command command) {
        Decision decision = engine.decide(state, actor, command, NOW);
        assertThat(decision).isInstanceOf(Decision.Accepted.class);
        return apply(((Decision.Accepted) decision).events());
    }

    private String refuse(Actor actor, Command command) {
        Decision decision = engine.decide(state, actor, command, NOW);
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).code();
    }

    @BeforeEach
    void room() {
        state = new RoomState(List.of("Arriving", "Morning tea", "Connection"));
        apply(engine.arrive(state, trainer, NOW));
        apply(engine.arrive(state, ana, NOW));
        apply(engine.arrive(state, ben, NOW));
    }

    private String start(String visibility, String mode) {
        return (String)
                accept(trainer, new Command.CheckinStart("c", "How do you arrive?", null, false, visibility, mode))
                        .get(0)
                        .data()
                        .get("checkinId");
    }

    @Test
    void arrivingTwiceIsOneArrival() {
        assertThat(engine.arrive(state, ana, NOW)).isEmpty();
        assertThat(engine.leave(state, ana, NOW)).extracting(RoomEvent::kind).containsExactly("presence.left");
    }

    @Test
    void aPassIsSeenOnlyByTheOneWhoPassedAndFacilitatorsSeeOnlyThatTheyResponded() {
        String checkin = start("everyone", "open");
        List<RoomEvent> passed = accept(ben, new Command.CheckinPass("p", checkin));
        assertThat(passed).extracting(RoomEvent::kind).containsExactly("checkin.passed", "checkin.responded");
        assertThat(passed.get(0).visibility().allows(ben)).isTrue();
        assertThat(passed.get(0).visibility().allows(ana)).isFalse();
        assertThat(passed.get(0).visibility().allows(trainer)).isFalse();
        assertThat(passed.get(1).visibility().allows(trainer)).isTrue();
        assertThat(passed.get(1).visibility().allows(ana)).isFalse();
        assertThat(refuse(ben, new Command.CheckinAnswer("a", checkin, "late", null, null)))
                .isEqualTo("conflict");
    }

    @Test
    void anAnonymousAnswerReachesOthersWithoutANameAndItsAuthorWithOne() {
        String checkin = start("anonymous", "open");
        List<RoomEvent> events = accept(ana, new Command.CheckinAnswer("a", checkin, "hopeful", null, 4));
        RoomEvent forOthers = events.get(0);
        RoomEvent forAna = events.get(1);
        assertThat(forOthers.data()).doesNotContainKeys("name", "participantId").containsEntry("word", "hopeful");
        assertThat(forOthers.visibility().allows(ana)).isFalse();
        assertThat(forOthers.visibility().allows(trainer)).isTrue();
        assertThat(forAna.data()).containsEntry("name", "Ana");
        assertThat(forAna.visibility()).isEqualTo(Visibility.person(ana.id()));
        List<RoomEvent> closed = accept(trainer, new Command.CheckinClose("x", checkin));
        assertThat(closed.get(0).data()).containsEntry("answers", 1);
    }

    @Test
    void noEventOfAnAnonymousCheckinLinksAnAnswerToItsAuthorForAnyoneButTheAuthor() {
        Actor cy = new Actor(UUID.randomUUID(), "Cy", false);
        apply(engine.arrive(state, cy, NOW));
        List<RoomEvent> all = new java.util.ArrayList<>();
        String checkin = start("anonymous", "open");
        all.addAll(accept(ana, new Command.CheckinAnswer("a", checkin, "hopeful", "Slept well.", 4)));
        all.addAll(accept(ben, new Command.CheckinPass("b", checkin)));
        all.addAll(accept(cy, new Command.CheckinAnswer("c", checkin, null, null, 2)));
        all.addAll(accept(trainer, new Command.CheckinClose("x", checkin)));
        assertThat(refuse(ana, new Command.CheckinAnswer("again", checkin, "twice", null, null)))
                .isEqualTo("not-found");
        for (Actor author : List.of(ana, ben, cy)) {
            for (Actor reader : List.of(trainer, ana, ben, cy)) {
                if (reader.equals(author)) {
                    continue;
                }
                for (RoomEvent event : all) {
                    if (event.visibility().allows(reader)) {
                        assertThat(event.data().values())
                                .as("%s seen by %s", event.kind(), reader.name())
                                .doesNotContain(author.id().toString(), author.name());
                    }
                }
            }
        }
        // facilitators still learn how many have responded, and the room still refuses a second answer
        assertThat(all)
                .filteredOn(e ->
                        e.kind().equals("checkin.responded") && e.visibility().allows(trainer))
                .extracting(e -> e.data().get("count"))
                .containsExactly(1, 2, 3);
        String next = start("anonymous", "open");
        accept(ana, new Command.CheckinAnswer("a2", next, "calm", null, null));
        assertThat(refuse(ana, new Command.CheckinPass("p2", next))).isEqualTo("conflict");
    }

    @Test
    void anAnonymousCheckinCannotRunAsARoundBecauseTheTurnOrderWouldNameEachAnswer() {
        assertThat(refuse(
                        trainer,
                        new Command.CheckinStart("c", "How do you arrive?", null, false, "anonymous", "round")))
                .isEqualTo("invalid");
        assertThat(Checkins.openCheckinId(state)).isNull();
    }

    @Test
    void answersNeedSomethingAndStayWithinTheirLimits() {
        String checkin = start("everyone", "open");
        assertThat(refuse(ana, new Command.CheckinAnswer("a", checkin, null, " ", null)))
                .isEqualTo("invalid");
        assertThat(refuse(ana, new Command.CheckinAnswer("a", checkin, "x".repeat(41), null, null)))
                .isEqualTo("invalid");
        assertThat(refuse(ana, new Command.CheckinAnswer("a", checkin, null, null, 6)))
                .isEqualTo("invalid");
        assertThat(refuse(ana, new Command.CheckinAnswer("a", "k999", "hi", null, null)))
                .isEqualTo("not-found");
        assertThat(refuse(trainer, new Command.CheckinStart("s", "again", null, false, "everyone", "open")))
                .isEqualTo("conflict");
    }

    @Test
    void participantsCannotRunTheRoom() {
        assertThat(refuse(ana, new Command.CheckinStart("s", "mine", null, false, "everyone", "open")))
                .isEqualTo("not-allowed");
        assertThat(refuse(ana, new Command.TimerSet("t", 60, "x"))).isEqualTo("not-allowed");
        assertThat(refuse(ana, new Command.ParticipantRemove("r", ben.id()))).isEqualTo("not-allowed");
        assertThat(refuse(ana, new Command.DayEnd("d"))).isEqualTo("not-allowed");
    }

    @Test
    void aRemovedParticipantCanDoNothingUntilAdmittedAndTheEndedDayTakesNoMore() {
        accept(trainer, new Command.ParticipantRemove("r", ben.id()));
        assertThat(state.isPresent(ben.id())).isFalse();
        assertThat(refuse(ben, new Command.JournalWrite("j", "hello"))).isEqualTo("removed");
        accept(trainer, new Command.ParticipantAdmit("a", ben.id()));
        accept(ben, new Command.JournalWrite("j", "hello"));
        accept(trainer, new Command.DayEnd("d"));
        assertThat(refuse(ana, new Command.JournalWrite("j2", "late"))).isEqualTo("room-closed");
    }

    @Test
    void endingTheDayClearsEveryTimerRunningOrPausedBeforeTheDayEnds() {
        String running = (String) accept(trainer, new Command.TimerSet("t1", 180, "Pairs"))
                .get(0)
                .data()
                .get("timerId");
        String paused = (String) accept(trainer, new Command.TimerSet("t2", 600, null))
                .get(0)
                .data()
                .get("timerId");
        accept(trainer, new Command.TimerPause("p", paused));
        List<RoomEvent> ended = accept(trainer, new Command.DayEnd("d"));
        assertThat(ended).extracting(RoomEvent::kind).containsExactly("timer.cleared", "timer.cleared", "day.ended");
        assertThat(ended.subList(0, 2))
                .extracting(e -> e.data().get("timerId"))
                .containsExactlyInAnyOrder(running, paused);
        assertThat(ended).allSatisfy(e -> assertThat(e.visibility().allows(ana)).isTrue());
        assertThat(refuse(trainer, new Command.TimerResume("r", paused))).isEqualTo("room-closed");
    }

    @Test
    void theProjectorsViewIsNeverHereMayDoNothingAndSeesOnlyWhatEveryoneSees() {
        Actor view = Actor.viewer(UUID.randomUUID());
        assertThat(engine.arrive(state, view, NOW)).isEmpty();
        assertThat(engine.leave(state, view, NOW)).isEmpty();
        assertThat(refuse(view, new Command.NoteShare("n", "From the wall"))).isEqualTo("not-allowed");
        assertThat(refuse(view, new Command.JournalWrite("j", "mine"))).isEqualTo("not-allowed");
        assertThat(Visibility.EVERYONE.allows(view)).isTrue();
        assertThat(new Visibility(Visibility.Scope.EVERYONE_EXCEPT, ana.id(), null).allows(view))
                .isTrue();
        assertThat(new Visibility(Visibility.Scope.FACILITATORS, null, null).allows(view))
                .isFalse();
        assertThat(new Visibility(Visibility.Scope.FACILITATORS_AND_PERSON, view.id(), null).allows(view))
                .isFalse();
        assertThat(new Visibility(Visibility.Scope.PERSON, view.id(), null).allows(view))
                .isFalse();
        assertThat(new Visibility(Visibility.Scope.PEOPLE, null, java.util.Set.of(view.id())).allows(view))
                .isFalse();
        assertThat(new Visibility(Visibility.Scope.GROUP, null, java.util.Set.of(view.id())).allows(view))
                .isFalse();
    }

    @Test
    void endingADayWithoutTimersIsJustTheEnd() {
        assertThat(accept(trainer, new Command.DayEnd("d")))
                .extracting(RoomEvent::kind)
                .containsExactly("day.ended");
    }

    @Test
    void theAgendaMovesOnlyToSlotsTheDayHas() {
        List<RoomEvent> moved = accept(trainer, new Command.AgendaMove("g", 2));
        assertThat(moved.get(0).data()).containsEntry("title", "Connection");
        assertThat(refuse(trainer, new Command.AgendaMove("g", 3))).isEqualTo("invalid");
    }

    @Test
    void aJournalEntryIsOnlyItsAuthors() {
        RoomEvent entry = accept(ana, new Command.JournalWrite("j", "Something I noticed"))
                .get(0);
        assertThat(entry.visibility().allows(ana)).isTrue();
        assertThat(entry.visibility().allows(ben)).isFalse();
        assertThat(entry.visibility().allows(trainer)).isFalse();
    }

    @Test
    void aRoundGivesTurnsInOrderAndSkipsThoseWhoAlreadyResponded() {
        String checkin = start("everyone", "round");
        assertThat(Checkins.openCheckinId(state)).isEqualTo(checkin);
        List<RoomEvent> answered = accept(ana, new Command.CheckinAnswer("a", checkin, "ready", null, null));
        assertThat(answered.get(answered.size() - 1).data())
                .containsEntry("participantId", ben.id().toString());
        List<RoomEvent> next = accept(trainer, new Command.CheckinNext("n", checkin));
        assertThat(next.get(0).data()).containsEntry("participantId", null);
    }
}
