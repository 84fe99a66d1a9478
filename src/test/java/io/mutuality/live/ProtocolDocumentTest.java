package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mutuality.live.engine.Activities;
import io.mutuality.live.engine.RoomEngine;
import java.io.File;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docs/protocol/asyncapi.yaml is the contract: it and the code name exactly the same messages. */
class ProtocolDocumentTest {

    private final JsonNode doc;

    ProtocolDocumentTest() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(new File("docs/protocol/asyncapi.yaml"));
    }

    private Set<String> namesIn(String operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode ref : doc.path("operations").path(operation).path("messages")) {
            String key = ref.path("$ref").asText().replaceAll(".*/", "");
            names.add(doc.path("components")
                    .path("messages")
                    .path(key)
                    .path("name")
                    .asText());
        }
        return names;
    }

    @Test
    void theCommandsTheServerAcceptsAreExactlyTheDocumentedOnes() {
        Set<String> accepted =
                new TreeSet<>(Activities.standard().commandTypes().keySet());
        assertThat(namesIn("sendCommand")).isEqualTo(accepted);
    }

    @Test
    void theMessagesTheServerSendsAreExactlyTheDocumentedOnes() {
        assertThat(namesIn("receiveUpdate")).isEqualTo(new TreeSet<>(RoomEngine.SERVER_MESSAGES));
    }

    @Test
    void everyEventKindIsDocumented() {
        Set<String> documented = new HashSet<>();
        doc.path("components")
                .path("messages")
                .path("event")
                .path("payload")
                .path("allOf")
                .get(1)
                .path("properties")
                .path("kind")
                .path("enum")
                .forEach(k -> documented.add(k.asText()));
        assertThat(documented).isEqualTo(RoomEngine.EVENT_KINDS);
    }

    @Test
    void everyDocumentedMessageHasAnExample() {
        doc.path("components")
                .path("messages")
                .fields()
                .forEachRemaining(
                        entry -> assertThat(entry.getValue().path("examples").size())
                                .as(entry.getKey())
                                .isPositive());
    }
}
