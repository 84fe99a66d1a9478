package io.mutuality.common;

import static io.mutuality.TestData.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.mutuality.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Every failure a client can provoke answers with RFC 9457 problem+json and no internals. */
@QuarkusTest
class ProblemDetailsTest {

    private static ValidatableResponse isProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo(ProblemType.BASE + type))
                .body("status", equalTo(status))
                .body("title", not(equalTo("")))
                .body("detail", not(equalTo("")))
                .body(not(containsString("Exception")))
                .body(not(containsString("java.")))
                .body(not(containsString("io.mutuality")));
    }

    @Test
    void malformedJsonIsAMalformedRequest() {
        isProblem(
                        admin().contentType(ContentType.JSON)
                                .body("{\"title\": \"Core\", ")
                                .post(TestData.cohortsPath())
                                .then(),
                        400,
                        "malformed-request")
                .body("detail", startsWith("The body is not valid JSON"));
    }

    @Test
    void missingFieldsAreListedByName() {
        String body = """
                {"courseId": "core", "capacity": 12,
                 "days": [{"date": "2030-03-04", "startsAt": "09:30"}]}
                """;
        isProblem(
                        admin().contentType(ContentType.JSON)
                                .body(body)
                                .post(TestData.cohortsPath())
                                .then(),
                        400,
                        "validation")
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("days[0].endsAt"));
    }

    @Test
    void aValueOfTheWrongShapeNamesItsField() {
        String body = TestData.coreCohortJson("2030-03-04").replace("\"capacity\": 16", "\"capacity\": \"many\"");
        isProblem(
                        admin().contentType(ContentType.JSON)
                                .body(body)
                                .post(TestData.cohortsPath())
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("capacity"));
        String badDate = TestData.coreCohortJson("2030-03-04").replace("2030-03-05", "5th of March");
        isProblem(
                        admin().contentType(ContentType.JSON)
                                .body(badDate)
                                .post(TestData.cohortsPath())
                                .then(),
                        400,
                        "validation")
                .body("errors[0].field", equalTo("days[1].date"))
                .body("errors[0].message", containsString("2027-03-15"));
    }

    @Test
    void anEmptyBodyIsRejected() {
        isProblem(
                        admin().contentType(ContentType.JSON)
                                .post(TestData.cohortsPath())
                                .then(),
                        400,
                        "validation")
                .body("errors.field", hasItem("request"));
    }

    @Test
    void unknownApiRouteIsNotFound() {
        isProblem(admin().get("/api/no-such-thing").then(), 404, "not-found")
                .body("instance", equalTo("/api/no-such-thing"));
        isProblem(
                admin().get("/api/organisations/" + TestData.organisationId() + "/nothing/here")
                        .then(),
                404,
                "not-found");
    }

    @Test
    void anIdThatIsNotAnIdIsNotFound() {
        isProblem(admin().get("/api/organisations/not-a-uuid").then(), 404, "not-found");
        isProblem(
                admin().get("/api/organisations/00000000-0000-0000-0000-000000000000")
                        .then(),
                404,
                "not-found");
    }

    @Test
    void unsupportedMethodAndMediaType() {
        isProblem(admin().delete("/api/curricula/courses").then(), 405, "method-not-allowed")
                .header("Allow", containsString("GET"));
        isProblem(
                admin().contentType(ContentType.TEXT)
                        .body("hello")
                        .post(TestData.cohortsPath())
                        .then(),
                415,
                "unsupported-media-type");
    }

    @Test
    void aMethodAKnownPathDoesNotHaveIsNotAllowedAndSaysWhichAre() {
        isProblem(
                        admin().contentType(ContentType.JSON)
                                .body("{}")
                                .patch(TestData.cohortsPath())
                                .then(),
                        405,
                        "method-not-allowed")
                .header("Allow", equalTo("GET, HEAD, POST"))
                .body("detail", equalTo("PATCH is not supported at " + TestData.cohortsPath() + "."));
        isProblem(
                        io.restassured.RestAssured.given()
                                .contentType(ContentType.JSON)
                                .body("{}")
                                .patch("/api/session")
                                .then(),
                        405,
                        "method-not-allowed")
                .header("Allow", containsString("POST"));
        // an unknown path stays a 404, whatever the method
        isProblem(
                admin().contentType(ContentType.JSON)
                        .body("{}")
                        .patch("/api/no-such-thing")
                        .then(),
                404,
                "not-found");
    }

    @io.quarkus.test.common.http.TestHTTPResource("/api/session")
    java.net.URI session;

    @Test
    void anOversizedBodySentInChunksIsRefusedWithAProblem() throws Exception {
        byte[] huge = ("{\"email\": \"" + "x".repeat(1_100_000) + "@example.test\", \"password\": \"p\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        var request = java.net.http.HttpRequest.newBuilder(session)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(huge)))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(response.body())
                .contains(ProblemType.BASE + "payload-too-large")
                .contains("\"status\":413")
                .doesNotContain("Exception");
    }

    @Test
    void aBodyWithinTheLimitSentInChunksStillArrives() throws Exception {
        byte[] body = "{\"email\": \"nobody@example.test\", \"password\": \"whatever-it-is\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        var request = java.net.http.HttpRequest.newBuilder(session)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(body)))
                .build();
        var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(response.statusCode()).isEqualTo(401);
        org.assertj.core.api.Assertions.assertThat(response.body()).contains(ProblemType.BASE + "sign-in-failed");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String huge = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        isProblem(
                admin().contentType(ContentType.JSON)
                        .body(huge)
                        .post(TestData.cohortsPath())
                        .then(),
                413,
                "payload-too-large");
    }
}
