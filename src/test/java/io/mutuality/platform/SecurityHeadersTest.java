package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SecurityHeadersTest {

    @Test
    void pagesAndTheApiCarryTheSecurityHeaders() {
        for (String path : new String[] {"/", "/join", "/api/curricula/courses"}) {
            given().get(path)
                    .then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Referrer-Policy", equalTo("same-origin"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    @Test
    void developerToolsUnderQKeepTheirOwnScriptsButAreNotFramed() {
        given().get("/q/health")
                .then()
                .header("Content-Security-Policy", equalTo("frame-ancestors 'none'"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void plainHttpGetsNoStrictTransportSecurityWhateverAClientClaims() {
        // no trusted proxy in this profile, so a client's X-Forwarded-Proto is not believed
        for (String path : new String[] {"/", "/api/curricula/courses"}) {
            given().header("X-Forwarded-Proto", "https")
                    .get(path)
                    .then()
                    .header("Strict-Transport-Security", nullValue());
        }
    }
}
