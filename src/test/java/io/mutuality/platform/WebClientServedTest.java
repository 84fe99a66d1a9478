package io.mutuality.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The built web client is served at / and its own paths, while /api and /q keep theirs. */
@QuarkusTest
class WebClientServedTest {

    @Test
    void theAppShellIsServedAtTheRoot() {
        given().get("/")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<mut-app>"))
                .body(containsString("<script type=\"module\""));
    }

    @Test
    void eachAudiencesPageLoadsTheSameShellDirectly() {
        for (String path : new String[] {"/organisation", "/facilitator", "/join", "/join/KMR7TX"}) {
            given().get(path).then().statusCode(200).body(containsString("<mut-app>"));
        }
    }

    @Test
    void thePageIsAskedForAgainEachTimeWhileHashedFilesAreKeptAYear() {
        for (String path : new String[] {"/", "/join/KMR7TX", "/facilitator"}) {
            given().get(path).then().statusCode(200).header("Cache-Control", "no-cache");
        }
        String script = script();
        given().get(script).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        given().get("/api/curricula/courses").then().header("Cache-Control", not(containsString("immutable")));
    }

    @Test
    void textGoesOutCompressedWhenTheBrowserAsks() {
        given().header("Accept-Encoding", "gzip")
                .get(script())
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
        given().header("Accept-Encoding", "gzip")
                .get("/")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
        given().header("Accept-Encoding", "gzip")
                .get("/api/curricula/courses")
                .then()
                .statusCode(200)
                .header("Content-Encoding", "gzip");
    }

    /** The path of the app's script, as the page names it. */
    private static String script() {
        String page = given().get("/").then().statusCode(200).extract().asString();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(page);
        org.assertj.core.api.Assertions.assertThat(m.find())
                .as("the page names its script: " + page)
                .isTrue();
        return m.group(1);
    }

    @Test
    void unknownApiPathsStayProblemsAndAreNotTheShell() {
        given().get("/api/definitely-not-here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mutuality.io/problems/not-found"));
    }
}
