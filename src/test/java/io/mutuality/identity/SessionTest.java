package io.mutuality.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.mutuality.TestData;
import io.mutuality.demo.DemoConfig;
import io.mutuality.demo.DemoData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionTest {

    @Inject
    IdentityService identity;

    private static Response signIn(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/session");
    }

    private String freshAccount(String password) {
        String email = "person-" + System.nanoTime() + "@example.test";
        identity.openAccount(email, "Someone New", password);
        return email;
    }

    @Test
    void theDemoAdminSignsInWithTheReadmeCredentialsAndGetsSecureCookies() {
        Response response = signIn(DemoData.ADMIN_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        response.then()
                .statusCode(200)
                .body("account.email", equalTo(DemoData.ADMIN_EMAIL))
                .body("account.platformAdmin", equalTo(false))
                .body("memberships.organisationName", hasItem("Tideway Peer Collective"))
                .body("memberships.role", hasItem("ORG_ADMIN"))
                .body("csrfToken", notNullValue())
                .body(not(containsString(DemoConfig.PUBLIC_PASSWORD)))
                .body(not(containsString("passwordHash")));
        String setCookie = String.join("\n", response.headers().getValues("Set-Cookie"));
        assertThat(setCookie)
                .contains("mutuality_session=")
                .contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(setCookie).contains("mutuality_csrf=").contains("SameSite=Strict");
        assertThat(response.getCookie("mutuality_csrf")).isEqualTo(response.path("csrfToken"));

        given().cookie("mutuality_session", response.getCookie("mutuality_session"))
                .get("/api/session")
                .then()
                .statusCode(200)
                .body("account.displayName", equalTo("Róisín Byrne"));
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        // an account of its own: the demo accounts are signed in by many tests, and each email has its own limit
        String email = "wrong-password-" + System.nanoTime() + "@example.test";
        identity.openAccount(email, "Wren Password", TestData.PASSWORD);
        String wrong = signIn(email, "not-the-password")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mutuality.io/problems/sign-in-failed"))
                .extract()
                .path("detail");
        String unknown = signIn("nobody-" + System.nanoTime() + "@example.test", "whatever-it-is")
                .then()
                .statusCode(401)
                .extract()
                .path("detail");
        assertThat(unknown).isEqualTo(wrong);
    }

    @Test
    void badInputIsListedByField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not an email", "password", ""))
                .post("/api/session")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void fiveWrongPasswordsPauseTheAccountEvenForTheRightOneWithTheSameAnswerAsAnUnknownEmail() {
        String email = freshAccount(TestData.PASSWORD);
        for (int i = 0; i < 5; i++) {
            signIn(email, "wrong-password-" + i).then().statusCode(401);
        }
        Response paused = signIn(email, TestData.PASSWORD);
        Response unknown = signIn("nobody-" + System.nanoTime() + "@example.test", TestData.PASSWORD);
        Response wrong = signIn(DemoData.TRAINER_EMAIL, "not-the-password");
        for (Response response : List.of(paused, unknown, wrong)) {
            response.then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.nullValue())
                    .body("type", equalTo("https://mutuality.io/problems/sign-in-failed"));
        }
        assertThat(paused.asString())
                .as("a paused account answers like an unknown email")
                .isEqualTo(unknown.asString());
        assertThat(paused.asString()).as("and like a wrong password").isEqualTo(wrong.asString());
        assertThat(paused.getHeader("Content-Type")).isEqualTo(unknown.getHeader("Content-Type"));
    }

    @Test
    void tooManyAttemptsForOneEmailAreRefusedWith429() {
        String email = "guess-" + System.nanoTime() + "@example.test";
        for (int i = 0; i < 10; i++) {
            signIn(email, "guess-number-" + i).then().statusCode(401);
        }
        signIn(email, "guess-number-10").then().statusCode(429).header("Retry-After", notNullValue());
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        String email = freshAccount(TestData.PASSWORD);
        TestData.Session session = TestData.signIn(email, TestData.PASSWORD);
        given().cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .delete("/api/session")
                .then()
                .statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        given().cookie("mutuality_session", session.cookie())
                .get("/api/session")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://mutuality.io/problems/not-signed-in"));
    }

    @Test
    void writesWithTheSessionCookieNeedTheCsrfToken() {
        TestData.Session session = TestData.session(TestData.Persona.ADMIN_A);
        given().cookie("mutuality_session", session.cookie())
                .contentType(ContentType.JSON)
                .body(TestData.coreCohortJson("2032-01-05"))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mutuality.io/problems/csrf"));
        given().cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", "forged")
                .contentType(ContentType.JSON)
                .body(TestData.coreCohortJson("2032-01-05"))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(403);
        given().cookie("mutuality_session", session.cookie())
                .get(TestData.cohortsPath())
                .then()
                .statusCode(200);
    }

    @Test
    void changingThePasswordChecksTheOldOneAndSignsOutOtherSessions() {
        String email = freshAccount(TestData.PASSWORD);
        TestData.Session here = TestData.signIn(email, TestData.PASSWORD);
        TestData.Session elsewhere = TestData.signIn(email, TestData.PASSWORD);

        given().cookie("mutuality_session", here.cookie())
                .header("X-CSRF-Token", here.csrf())
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", "not-it-at-all", "newPassword", "a-brand-new-password"))
                .put("/api/session/password")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("currentPassword"));
        given().cookie("mutuality_session", here.cookie())
                .header("X-CSRF-Token", here.csrf())
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", "short"))
                .put("/api/session/password")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("newPassword"));
        given().cookie("mutuality_session", here.cookie())
                .header("X-CSRF-Token", here.csrf())
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", TestData.PASSWORD, "newPassword", "a-brand-new-password"))
                .put("/api/session/password")
                .then()
                .statusCode(204);

        given().cookie("mutuality_session", here.cookie())
                .get("/api/session")
                .then()
                .statusCode(200);
        given().cookie("mutuality_session", elsewhere.cookie())
                .get("/api/session")
                .then()
                .statusCode(401);
        signIn(email, TestData.PASSWORD).then().statusCode(401);
        signIn(email, "a-brand-new-password").then().statusCode(200);
    }

    @Test
    void passwordsNeverReachTheLog() {
        String password = "a-secret-nobody-should-log-" + System.nanoTime();
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(
                        String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            String email = freshAccount(password);
            signIn(email, password).then().statusCode(200);
            signIn(email, password + "x").then().statusCode(401);
            given().contentType(ContentType.JSON)
                    .body("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"")
                    .post("/api/session")
                    .then()
                    .statusCode(400);
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).noneMatch(line -> line.contains(password));
    }
}
