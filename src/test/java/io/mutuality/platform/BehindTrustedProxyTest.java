package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.mutuality.common.StrictTransportSecurity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a reverse proxy named in MUTUALITY_TRUSTED_PROXIES (here the test client's own address
 * plays the proxy): its X-Forwarded-Proto turns on HSTS and its X-Forwarded-For is the client
 * address the rate limits count.
 */
@QuarkusTest
@TestProfile(BehindTrustedProxyTest.TrustedProxy.class)
class BehindTrustedProxyTest {

    public static class TrustedProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true",
                    "quarkus.http.proxy.trusted-proxies",
                    "127.0.0.1",
                    "mutuality.identity.sign-in-limit-per-address",
                    "2");
        }
    }

    @Test
    void httpsAtTheProxyGetsStrictTransportSecurity() {
        for (String path : new String[] {"/", "/join", "/api/curricula/courses", "/api/no-such-thing"}) {
            given().header("X-Forwarded-Proto", "https")
                    .get(path)
                    .then()
                    .header(StrictTransportSecurity.HEADER, equalTo("max-age=31536000"));
        }
    }

    @Test
    void plainHttpAtTheProxyGetsNone() {
        given().header("X-Forwarded-Proto", "http")
                .get("/api/curricula/courses")
                .then()
                .header(StrictTransportSecurity.HEADER, nullValue());
        given().get("/").then().header(StrictTransportSecurity.HEADER, nullValue());
    }

    @Test
    void theClientAddressTheProxyForwardsIsTheOneLimited() {
        for (int i = 0; i < 2; i++) {
            signInFrom("198.51.100.7", i).then().statusCode(401);
        }
        signInFrom("198.51.100.7", 2).then().statusCode(429);
        signInFrom("198.51.100.8", 3).then().statusCode(401);
    }

    private static io.restassured.response.Response signInFrom(String address, int attempt) {
        return given().contentType(ContentType.JSON)
                .header("X-Forwarded-For", address)
                .body(Map.of("email", "proxied-" + attempt + "@example.test", "password", "whatever-it-is"))
                .post("/api/session");
    }
}
