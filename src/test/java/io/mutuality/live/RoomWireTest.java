package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.Visibility;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The protocol's words without a socket: every frame a client may send is read into a command or the error it gets. */
class RoomWireTest {

    /** As Quarkus configures it: fields a command does not have are ignored, as the protocol allows. */
    private final ObjectMapper json = new ObjectMapper()
            .findAndRegisterModules()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final RoomWire wire = new RoomWire(json);

    private String refused(String frame) {
        RoomWire.Read read = wire.read(frame);
        assertThat(read).isInstanceOf(RoomWire.Read.Refused.class);
        return ((RoomWire.Read.Refused) read).answer();
    }

    @Test
    void everyProblemWithAFrameIsAnsweredWithItsOwnCode() {
        assertThat(refused("{nope")).contains("\"code\":\"bad-json\"");
        assertThat(refused("[1,2]")).contains("\"code\":\"invalid\"");
        assertThat(refused("{\"type\":\"ping\",\"id\":\"\"}"))
                .contains("\"code\":\"invalid\"")
                .doesNotContain("\"id\"");
        assertThat(refused("{\"v\":2,\"type\":\"ping\",\"id\":\"p\"}"))
                .contains("version 1")
                .contains("\"id\":\"p\"");
        assertThat(refused("{\"type\":\"dance\",\"id\":\"d\"}"))
                .contains("\"code\":\"unknown-type\"")
                .contains("dance");
        assertThat(refused("{\"type\":\"x\",\"id\":\"" + "i".repeat(65) + "\"}"))
                .contains("\"code\":\"invalid\"");
        assertThat(refused("{\"type\":\"note.share\",\"id\":\"n\",\"text\":\"" + "é".repeat(9_000) + "\"}"))
                .contains("\"code\":\"too-large\"");
    }

    @Test
    void aWellFormedFrameIsItsCommand() {
        RoomWire.Read read = wire.read("{\"v\":1,\"type\":\"ping\",\"id\":\"p-1\"}");
        assertThat(((RoomWire.Read.Ok) read).command()).isInstanceOf(Command.Ping.class);
        assertThat(((RoomWire.Read.Ok) read).command().id()).isEqualTo("p-1");
    }

    @Test
    void anAckNamesTheSequenceNumbersOfItsEventsAndQuotesItsId() throws Exception {
        RoomEvent event = new RoomEvent(
                0, Instant.parse("2027-01-04T09:00:00Z"), "note.shared", Map.of(), Visibility.EVERYONE, null);
        String ack = wire.ack(
                "a \"quoted\" id",
                List.of(StoredEvent.of(event.withSeq(7), "{}"), StoredEvent.of(event.withSeq(8), "{}")));
        assertThat(json.readTree(ack).path("seqs").toString()).isEqualTo("[7,8]");
        assertThat(json.readTree(ack).path("id").asText()).isEqualTo("a \"quoted\" id");
        assertThat(RoomWire.utf8Length("aé😊")).isEqualTo(1 + 2 + 4);
        assertThat(json.readTree(ack).has("created")).as("a note makes no id").isFalse();
    }

    @Test
    void anAckCarriesTheIdsTheServerMadeForTheCommand() throws Exception {
        Instant at = Instant.parse("2027-01-04T09:00:00Z");
        RoomEvent started = new RoomEvent(
                0,
                at,
                "checkin.started",
                Map.of("checkinId", "k12", "prompt", "How do you arrive?"),
                Visibility.EVERYONE,
                null);
        RoomEvent timer =
                new RoomEvent(0, at, "timer.started", Map.of("timerId", "t14", "label", ""), Visibility.EVERYONE, null);
        String ack = wire.ack(
                "c-1", List.of(StoredEvent.of(started.withSeq(12), "{}"), StoredEvent.of(timer.withSeq(14), "{}")));
        assertThat(json.readTree(ack).path("created").toString())
                .isEqualTo("{\"checkinId\":\"k12\",\"timerId\":\"t14\"}");
    }
}
