package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Health, the OpenAPI document and metrics are where the README says they are. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void healthIsUpWithTheDatabaseChecked() {
        given().get("/q/health").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("info.title", equalTo("Mutuality API"))
                .body("paths", hasKey("/api/organisations/{organisationId}/cohorts"))
                .body("paths", hasKey("/api/curricula/courses"));
    }

    @Test
    void metricsArePublishedForPrometheus() {
        given().get("/api/curricula/courses").then().statusCode(200);
        given().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }

    @Test
    void swaggerUiIsIncluded() {
        given().redirects().follow(true).get("/q/swagger-ui").then().statusCode(200);
    }
}
