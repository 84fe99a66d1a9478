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

    /**
     * A room socket's handshake answer is not a document: the page headers would mean nothing on it,
     * and Vert.x keeps each open connection's handshake response, headers and all (issue 12).
     */
    @Test
    void theRoomSocketsHandshakeCarriesNoPageHeaders() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream()
                    .write(("GET /ws/rooms/ABCDEF HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
                                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                                    + "Sec-WebSocket-Version: 13\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                head.append((char) b);
            }
            String answer = head.toString().toLowerCase(java.util.Locale.ROOT);
            org.assertj.core.api.Assertions.assertThat(answer)
                    .startsWith("http/1.1 101")
                    .doesNotContain("content-security-policy")
                    .doesNotContain("x-frame-options")
                    .doesNotContain("permissions-policy");
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
