package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The built web client is served at / and its own paths, while /api and /q keep theirs. */
@QuarkusTest
class WebClientServedTest {

    @Test
    void theAppShellIsServedAtTheRoot() {
        given().get("/").then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<mut-app>"))
                .body(containsString("<script type=\"module\""));
    }

    @Test
    void eachAudiencesPageLoadsTheSameShellDirectly() {
        for (String path : new String[] {"/organisation", "/facilitator", "/join", "/join/KMR7TX"}) {
            given().get(path).then()
                    .statusCode(200)
                    .body(containsString("<mut-app>"));
        }
    }

    @Test
    void unknownApiPathsStayProblemsAndAreNotTheShell() {
        given().get("/api/definitely-not-here").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mutuality.io/problems/not-found"));
    }
}
