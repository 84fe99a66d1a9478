package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mutuality.identity.Authentication;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document the server publishes (on the management port, as in production) is the
 * one in {@code docs/protocol/openapi.json}, and it says what the server really does: how callers
 * authenticate, the CSRF header, ids as uuid strings, the statuses it answers.
 * <p>
 * After changing the REST API, write the document again with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dmutuality.openapi.write=true} and commit it.
 */
@QuarkusTest
@TestProfile(OperationsEndpointsTest.Production.class)
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("docs/protocol/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static JsonNode served;

    @BeforeAll
    static void fetch() throws IOException {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        String body = given().port(port)
                .accept("application/json")
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        served = JSON.readTree(body);
    }

    /** The document as it is stored: keys in order, two-space indents, a newline at the end. */
    private static String canonical(JsonNode document) throws IOException {
        return JSON.writeValueAsString(JSON.convertValue(document, Object.class)) + "\n";
    }

    @Test
    void theServedDocumentIsTheOneInTheRepository() throws IOException {
        String expected = canonical(served);
        if (Boolean.getBoolean("mutuality.openapi.write")) {
            Files.writeString(DOCUMENT, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOCUMENT)).as(DOCUMENT + " exists").isTrue();
        String stored = canonical(JSON.readTree(Files.readString(DOCUMENT, StandardCharsets.UTF_8)));
        assertThat(firstDifference(stored, expected))
                .as(
                        "docs/protocol/openapi.json differs from the document the server publishes. If the REST API changed on "
                                + "purpose, write it again with: ./mvnw test -Dtest=OpenApiDocumentTest -Dmutuality.openapi.write=true")
                .isEmpty();
    }

    /** Where two documents first differ, as a line of each; empty when they are the same. */
    private static String firstDifference(String stored, String served) {
        String[] a = stored.split("\n", -1);
        String[] b = served.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String left = i < a.length ? a[i] : "(end of file)";
            String right = i < b.length ? b[i] : "(end of document)";
            if (!left.equals(right)) {
                return "line " + (i + 1) + ": the file has " + left.strip() + ", the server publishes " + right.strip();
            }
        }
        return "";
    }

    @Test
    void everySchemeAnOperationNamesIsDefinedAndDescribesTheRealCredentials() {
        JsonNode schemes = served.at("/components/securitySchemes");
        assertThat(schemes.at("/session/type").asText()).isEqualTo("apiKey");
        assertThat(schemes.at("/session/in").asText()).isEqualTo("cookie");
        assertThat(schemes.at("/session/name").asText()).isEqualTo(Authentication.SESSION_COOKIE);
        assertThat(schemes.at("/participantToken/type").asText()).isEqualTo("http");
        assertThat(schemes.at("/participantToken/scheme").asText()).isEqualTo("bearer");
        List<String> named = new ArrayList<>();
        operations()
                .forEach((key, operation) -> operation
                        .path("security")
                        .forEach(requirement -> requirement.fieldNames().forEachRemaining(named::add)));
        assertThat(named).isNotEmpty().allMatch(schemes::has);
        assertThat(operation("GET", "/api/organisations/{organisationId}/cohorts")
                        .at("/security/0")
                        .has("session"))
                .isTrue();
        assertThat(operation("GET", "/api/participant/export").at("/security/0").has("participantToken"))
                .isTrue();
    }

    @Test
    void cookieWritesDeclareTheCsrfHeaderAndReadsDoNot() {
        operations().forEach((key, operation) -> {
            boolean unsafe = !key.startsWith("GET ");
            boolean withSession = operation.at("/security/0").has("session");
            JsonNode csrf = csrfParameter(operation);
            if (unsafe && !key.equals("POST /api/session")) {
                assertThat(csrf)
                        .as(key + " declares " + Authentication.CSRF_HEADER)
                        .isNotNull();
                assertThat(csrf.path("required").asBoolean())
                        .as(key + ": required with a session")
                        .isEqualTo(withSession);
            } else {
                assertThat(csrf).as(key + " needs no CSRF header").isNull();
            }
        });
    }

    @Test
    void typedIdsAreUuidStrings() {
        for (String id : List.of("OrganisationId", "CohortId", "AccountId")) {
            JsonNode schema = served.at("/components/schemas/" + id);
            assertThat(schema.path("type").asText()).as(id).isEqualTo("string");
            assertThat(schema.path("format").asText()).as(id).isEqualTo("uuid");
            assertThat(schema.has("properties")).as(id + " is not an object").isFalse();
        }
        JsonNode organisation =
                parameter(operation("GET", "/api/organisations/{organisationId}/cohorts/{cohortId}"), "organisationId");
        assertThat(organisation.at("/schema/$ref").asText()).isEqualTo("#/components/schemas/OrganisationId");
    }

    @Test
    void theStatusesAreTheOnesTheServerAnswers() {
        assertThat(responses("POST", "/api/organisations/{organisationId}/cohorts"))
                .contains("201")
                .doesNotContain("200");
        assertThat(responses("POST", "/api/organisations/{organisationId}/cohorts/{cohortId}/registrations"))
                .contains("201")
                .doesNotContain("200");
        assertThat(responses("POST", "/api/rooms/{code}/participants"))
                .contains("201", "404", "429")
                .doesNotContain("200");
        assertThat(responses("POST", "/api/public/cohorts/{cohortId}/registrations"))
                .contains("202", "409", "429")
                .doesNotContain("200");
        assertThat(responses("POST", "/api/session")).contains("200", "429");
        assertThat(responses("GET", "/api/organisations/{organisationId}/cohorts/{cohortId}"))
                .contains("200", "401", "403", "404");
        assertThat(responses("POST", "/api/organisations/{organisationId}/cohorts/{cohortId}/cancel"))
                .contains("409");
        JsonNode error = operation("POST", "/api/session").at("/responses/429/content");
        assertThat(error.has("application/problem+json")).isTrue();
        assertThat(error.at("/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(served.at("/components/schemas/Problem/properties").has("detail"))
                .isTrue();
    }

    @Test
    void signingOutTakesNoBodyAndTheHttpRequestIsNoSchema() {
        assertThat(operation("DELETE", "/api/session").has("requestBody")).isFalse();
        assertThat(served.at("/components/schemas").has("HttpServerRequest")).isFalse();
        operations().forEach((key, operation) -> {
            if (key.startsWith("DELETE ")) {
                assertThat(operation.has("requestBody")).as(key).isFalse();
            }
        });
    }

    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> all = new java.util.LinkedHashMap<>();
        served.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
                    if (List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                        all.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                    }
                }));
        return all;
    }

    private static JsonNode operation(String method, String path) {
        JsonNode operation = served.path("paths").path(path).path(method.toLowerCase());
        assertThat(operation.isMissingNode())
                .as(method + " " + path + " is in the document")
                .isFalse();
        return operation;
    }

    private static List<String> responses(String method, String path) {
        List<String> codes = new ArrayList<>();
        operation(method, path).path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static JsonNode csrfParameter(JsonNode operation) {
        Iterator<JsonNode> parameters = operation.path("parameters").elements();
        while (parameters.hasNext()) {
            JsonNode parameter = parameters.next();
            if (parameter.path("in").asText().equals("header")
                    && parameter.path("name").asText().equals(Authentication.CSRF_HEADER)) {
                return parameter;
            }
        }
        return null;
    }
}
