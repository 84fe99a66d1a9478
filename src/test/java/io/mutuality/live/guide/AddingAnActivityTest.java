package io.mutuality.live.guide;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.RoomWire;
import io.mutuality.live.engine.Activities;
import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.DaySummary;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomLibrary;
import io.mutuality.live.engine.RoomState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Walks through {@code docs/adding-an-activity.md}: the {@link Appreciations} activity, written
 * outside the engine's package, is registered through {@link Activities} and works end to end:
 * read from the wire, decided, stored and folded, stopped by the end of the day, summarised, and
 * its private text gone after an erasure. Nothing in the engine names it.
 */
class AddingAnActivityTest {

    private final Appreciations appreciations = new Appreciations();
    private final Activities activities = Activities.standard().with(appreciations);
    private final RoomEngine engine = new RoomEngine(activities);
    /** Quarkus's mapper ignores fields a record does not have (the envelope's {@code v}); so does this one. */
    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RoomWire wire = new RoomWire(json, activities);
    private final RoomState room = engine.newRoom(List.of("Closing"), RoomLibrary.EMPTY);
    private final List<RoomEvent> log = new ArrayList<>();
    private final Actor trainer = new Actor(UUID.randomUUID(), "Rosa", true);
    private final Actor ana = new Actor(UUID.randomUUID(), "Ana", false);
    private final Actor ben = new Actor(UUID.randomUUID(), "Ben", false);
    private final Instant now = Instant.parse("2027-01-04T16:30:00Z");

    @Test
    void aNewActivityWorksEndToEndWithoutTouchingTheEngine() {
        store(engine.arrive(room, trainer, now));
        store(engine.arrive(room, ana, now));
        store(engine.arrive(room, ben, now));

        // the wire knows its commands by their protocol names, because the activity declared them
        assertThat(send(ana, "{\"v\":1,\"type\":\"appreciation.write\",\"id\":\"w0\",\"text\":\"Thank you\"}"))
                .as("nothing is open yet")
                .isEqualTo("conflict");
        assertThat(send(ana, "{\"v\":1,\"type\":\"appreciation.open\",\"id\":\"o0\",\"prompt\":\"One thing\"}"))
                .as("opening is a facilitator's act")
                .isEqualTo("not-allowed");
        assertThat(
                        send(
                                trainer,
                                "{\"v\":1,\"type\":\"appreciation.open\",\"id\":\"o1\",\"prompt\":\"One thing you take with you\"}"))
                .isNull();
        assertThat(
                        send(
                                ana,
                                "{\"v\":1,\"type\":\"appreciation.write\",\"id\":\"w1\",\"text\":\"Ben listened without fixing\"}"))
                .isNull();
        assertThat(send(
                        ben,
                        "{\"v\":1,\"type\":\"appreciation.write\",\"id\":\"w2\",\"text\":\"" + "x".repeat(281) + "\"}"))
                .isEqualTo("invalid");
        assertThat(Appreciations.written(room, appreciations)).isEqualTo(1);
        assertThat(log).extracting(RoomEvent::kind).contains("appreciation.opened", "appreciation.written");

        // a room without the activity does not know the command at all
        RoomWire.Read unknown = new RoomWire(json).read("{\"v\":1,\"type\":\"appreciation.close\",\"id\":\"c1\"}");
        assertThat(((RoomWire.Read.Refused) unknown).answer()).contains("unknown-type");

        // the end of the day stops it, before the day itself ends
        assertThat(send(trainer, "{\"v\":1,\"type\":\"day.end\",\"id\":\"e1\"}"))
                .isNull();
        assertThat(log.subList(log.size() - 2, log.size()))
                .extracting(RoomEvent::kind)
                .containsExactly("appreciation.closed", "day.ended");
        assertThat(room.refolded(log).part(appreciations).prompt).isNull();

        // its part of the day's summary
        DaySummary.Day day = DaySummary.of(log, activities);
        assertThat(day.parts()).containsKey("appreciations").containsKey("checkins");
        assertThat(day.parts().get("appreciations"))
                .asList()
                .containsExactly(Map.of("name", "Ana", "text", "Ben listened without fixing"));

        // and its private text is gone after Ana is erased: the log's erasure removes what the activity declared
        List<RoomEvent> erased = new ArrayList<>();
        for (RoomEvent event : log) {
            Map<String, Object> data = new LinkedHashMap<>(event.data());
            if (ana.id().equals(event.actorId())) {
                activities.removePrivateText(event.kind(), data);
            }
            erased.add(new RoomEvent(event.seq(), event.at(), event.kind(), data, event.visibility(), event.actorId()));
        }
        assertThat(erased.toString()).doesNotContain("Ben listened without fixing");
        assertThat(DaySummary.of(erased, activities).parts().get("appreciations"))
                .asList()
                .isEmpty();
        assertThat(activities.exportedKinds()).contains("appreciation.written");
        assertThat(Appreciations.written(room.refolded(erased), appreciations))
                .as("the place is kept, so counts add up")
                .isEqualTo(1);
    }

    @Test
    void theEngineNamesNoActivity() throws Exception {
        String engineSource = Files.readString(Path.of("src/main/java/io/mutuality/live/engine/RoomEngine.java"));
        String stateSource = Files.readString(Path.of("src/main/java/io/mutuality/live/engine/RoomState.java"));
        for (String name :
                List.of("Checkins", "Timers", "Roleplays", "Reframing", "Journal", "Notes", "appreciation")) {
            assertThat(engineSource).as("RoomEngine names " + name).doesNotContain(name);
            assertThat(stateSource).as("RoomState names " + name).doesNotContain(name);
        }
    }

    @Test
    void twoActivitiesCannotClaimTheSameCommandOrEvent() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> activities.with(new Appreciations()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Reads a frame as the server does, decides it, and stores what it gave; the refusal's code, or null. */
    private String send(Actor actor, String frame) {
        RoomWire.Read read = wire.read(frame);
        assertThat(read).as(frame).isInstanceOf(RoomWire.Read.Ok.class);
        Command command = ((RoomWire.Read.Ok) read).command();
        Decision decision = engine.decide(room, actor, command, now);
        if (decision instanceof Decision.Rejected rejected) {
            return rejected.code();
        }
        store(((Decision.Accepted) decision).events());
        return null;
    }

    private void store(List<RoomEvent> events) {
        for (RoomEvent event : events) {
            RoomEvent stored = event.withSeq(room.lastSeq() + 1);
            log.add(stored);
            room.apply(stored);
        }
    }
}
