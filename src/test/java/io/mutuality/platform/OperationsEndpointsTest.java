package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Health, the OpenAPI document and metrics are where the README says they are, with the
 * production settings: metrics, OpenAPI and Swagger UI on the management port only, health on
 * the public port.
 */
@QuarkusTest
@TestProfile(OperationsEndpointsTest.Production.class)
class OperationsEndpointsTest {

    /** The operations settings of the %prod profile in application.properties. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.management.enabled",
                    "true",
                    "quarkus.smallrye-health.management.enabled",
                    "false",
                    "quarkus.management.test-port",
                    "0");
        }
    }

    private static RequestSpecification management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return given().port(port);
    }

    @Test
    void healthIsUpWithTheDatabaseCheckedOnThePublicPort() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void metricsOpenApiAndSwaggerUiAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui"}) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDescribesTheApiOnTheManagementPort() {
        management()
                .accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .body("info.title", equalTo("Mutuality API"))
                .body("paths", hasKey("/api/organisations/{organisationId}/cohorts"))
                .body("paths", hasKey("/api/curricula/courses"));
    }

    @Test
    void metricsArePublishedForPrometheusOnTheManagementPort() {
        given().get("/api/curricula/courses").then().statusCode(200);
        management()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("mutuality_room_log_batches_total"))
                .body(containsString("mutuality_room_refolds_total"))
                .body(containsString("mutuality_room_gaps_filled_total"));
    }

    @Test
    void swaggerUiIsOnTheManagementPortAndCannotBeFramed() {
        management()
                .redirects()
                .follow(true)
                .get("/q/swagger-ui")
                .then()
                .statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }
}
