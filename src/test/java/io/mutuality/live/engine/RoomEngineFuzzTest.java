package io.mutuality.live.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Property-based tests of the room engine: thousands of seeded random runs of a room (see
 * {@link RoomSimulation}), each checked for the properties the server relies on. A failure names
 * its seed; rerun just that one with {@code -Dfuzz.seed=<seed> -Dfuzz.runs=1}.
 *
 * <ul>
 * <li>every command gets exactly one answer, accepted with events or refused with a known code, never an exception;
 * nothing is accepted from a participant that only facilitators may do, from a removed participant or after the day ended;
 * deciding never changes the state</li>
 * <li>sequence numbers strictly increase and the state's last seq follows them</li>
 * <li>no event reaches anyone its rules exclude: journals, passes and rewrites only their author; facilitator-only answers
 * only facilitators and the author; notes only the people in them, facilitators only after everyone's consent; role cards
 * only their player; what the server keeps reaches nobody</li>
 * <li>folding the stored log (as JSON, as the database holds it) from scratch gives the live state, and folding never
 * changes an event once stored</li>
 * </ul>
 */
class RoomEngineFuzzTest {

    static final long FIRST_SEED = Long.getLong("fuzz.seed", 20_270_104L);
    static final int RUNS = Integer.getInteger("fuzz.runs", 1000);
    static final int STEPS = Integer.getInteger("fuzz.steps", 150);

    /** Runs every seed and checks {@code property} on each finished run; failures carry the seed. */
    private static List<RoomSimulation> forEverySeed(Consumer<RoomSimulation> property) {
        List<RoomSimulation> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long seed = FIRST_SEED + i;
            try {
                RoomSimulation sim = new RoomSimulation(seed).run(STEPS);
                property.accept(sim);
                runs.add(sim);
            } catch (Throwable t) {
                throw new AssertionError(
                        "seed " + seed + " (rerun with -Dfuzz.seed=" + seed + " -Dfuzz.runs=1): " + t.getMessage(), t);
            }
        }
        return runs;
    }

    @Test
    void everyCommandIsAnsweredOnceNothingLeaksAndTheLogFoldsBackToTheLiveState() {
        long started = System.nanoTime();
        List<RoomSimulation> runs = forEverySeed(sim -> {
            String live = RoomSimulation.snapshot(sim.state);
            String folded = RoomSimulation.snapshot(sim.replay());
            assertThat(folded).as("state folded from the stored log").isEqualTo(live);
        });
        Map<String, Integer> outcomes = new TreeMap<>();
        runs.forEach(r -> r.outcomes.forEach((k, v) -> outcomes.merge(k, v, Integer::sum)));
        int commands = runs.stream().mapToInt(r -> r.commands).sum();
        int accepted = runs.stream().mapToInt(r -> r.accepted).sum();
        int events = runs.stream().mapToInt(r -> r.log.size()).sum();
        System.out.printf(
                "room engine fuzz: %d runs, %d commands (%d accepted), %d events in %d ms%n",
                runs.size(), commands, accepted, events, (System.nanoTime() - started) / 1_000_000);
        // the runs reach deep into every activity, not just the refusals at the door
        for (String wanted : List.of(
                "CheckinAnswer accepted",
                "CheckinPass accepted",
                "CheckinNext accepted",
                "JournalWrite accepted",
                "RoleplayStart accepted",
                "RoleplayNextRound accepted",
                "RoleplayNote accepted",
                "RoleplayNoteConsent accepted",
                "RoleplaySharePropose accepted",
                "RoleplayShareAnswer accepted",
                "RoleplayRoomDebrief accepted",
                "ReframeWrite accepted",
                "ReframeShare accepted",
                "ReframeResonate accepted",
                "TimerExtend accepted",
                "ParticipantRemove accepted",
                "ParticipantAdmit accepted",
                "DayEnd accepted",
                "CheckinStart rejected not-allowed",
                "JournalWrite rejected removed",
                "Ping rejected room-closed")) {
            assertThat(outcomes).as("outcomes %s", outcomes).containsKey(wanted);
        }
        System.out.println("outcomes: " + outcomes);
        assertThat(runs.stream()
                        .flatMap(r -> r.log.stream())
                        .map(s -> s.event().kind())
                        .distinct()
                        .toList())
                .as("event kinds seen")
                .containsAll(List.of(
                        "roleplay.note-for-facilitators",
                        "roleplay.shared",
                        "reframe.compared",
                        "roleplay.time-up",
                        "checkin.turn",
                        "reframe.paired"));
    }

    @Test
    void theSameSeedGivesTheSameRun() {
        RoomSimulation a = new RoomSimulation(FIRST_SEED).run(STEPS);
        RoomSimulation b = new RoomSimulation(FIRST_SEED).run(STEPS);
        assertThat(b.log.stream().map(RoomSimulation.Stored::dataJson).toList())
                .isEqualTo(a.log.stream().map(RoomSimulation.Stored::dataJson).toList());
    }

    /**
     * An anonymous check-in's events name no one who answered it, to anyone but the answerer:
     * not the answer, not a "responded" note to facilitators, not a round's turn before it, not
     * a round's order. On this branch it finds checkin.responded (facilitators learn who answered),
     * checkin.turn and checkin.started's order (everyone learns whose anonymous answer comes next):
     * issue 11, item 6, fixed in main by 10780cf (checked: with that commit this test passes).
     */
    @Test
    void anAnonymousCheckinsEventsCarryNoLinkToWhoAnswered() {
        Map<String, String> leaks = new TreeMap<>();
        int[] answered = {0};
        forEverySeed(sim -> {
            sim.anonymousAnswerers.values().forEach(a -> answered[0] += a.size());
            for (RoomSimulation.Stored s : sim.log) {
                Object checkinId = s.event().data().get("checkinId");
                Set<UUID> answerers = sim.anonymousAnswerers.get(checkinId);
                if (answerers == null) {
                    continue;
                }
                for (UUID answerer : answerers) {
                    boolean names = s.dataJson().contains(answerer.toString())
                            || s.dataJson().contains("\"" + sim.name(answerer) + "\"");
                    Set<UUID> others = new java.util.HashSet<>(s.recipients());
                    others.remove(answerer);
                    if (names && !others.isEmpty()) {
                        leaks.putIfAbsent(
                                s.event().kind(),
                                "seed " + sim.seed + ": " + s.event().kind() + " of anonymous check-in "
                                        + checkinId + " names " + sim.name(answerer) + " to "
                                        + others.stream().map(sim::name).toList()
                                        + ": " + s.dataJson());
                    }
                }
            }
        });
        assertThat(leaks)
                .as("events linking an anonymous answer to its author, by kind")
                .isEmpty();
        assertThat(answered[0]).as("anonymous answers checked").isPositive();
    }
}
