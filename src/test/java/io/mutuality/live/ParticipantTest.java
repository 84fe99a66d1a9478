package io.mutuality.live;

import static io.mutuality.TestData.Persona.ADMIN_A;
import static io.mutuality.TestData.Persona.TRAINER_A;
import static io.mutuality.TestData.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import io.mutuality.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParticipantTest {

    private static Response join(String code, Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/rooms/" + code + "/participants");
    }

    @Test
    void theCohortsTrainerOpensTheDaysRoomOnceWithAReadableCode() {
        String path = TestData.cohortsPath() + "/" + TestData.demoCohortId() + "/days/2/room";
        // weeks ahead: opened early, on purpose
        String code = as(TRAINER_A)
                .post(path + "?early=true")
                .then()
                .statusCode(201)
                .body("code", matchesPattern("[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}"))
                .body("dayNumber", equalTo(2))
                .body("joinPath", matchesPattern("/join/[A-Z0-9]{6}"))
                .extract()
                .path("code");
        as(ADMIN_A).post(path).then().statusCode(200).body("code", equalTo(code));
        as(TRAINER_A)
                .post(TestData.cohortsPath() + "/" + TestData.demoCohortId() + "/days/9/room")
                .then()
                .statusCode(404);
    }

    @Test
    void joiningGivesARoomScopedTokenAndADeviceTokenThatIsRecognisedNextTime() {
        String code = TestData.demoRoomCode();
        Response first =
                join(code.toLowerCase().substring(0, 3) + " " + code.substring(3), Map.of("displayName", "Bea"));
        first.then()
                .statusCode(201)
                .body("participant.displayName", equalTo("Bea"))
                .body("recognised", equalTo(false))
                .body("token", notNullValue())
                .body("room.code", equalTo(code))
                .body("room.dayNumber", equalTo(1))
                .body("room.organisationName", equalTo("Tideway Peer Collective"));
        String deviceToken = first.path("deviceToken");
        String participantId = first.path("participant.id");

        join(code, Map.of("displayName", "Bea M", "deviceToken", deviceToken))
                .then()
                .statusCode(201)
                .body("recognised", equalTo(true))
                .body("participant.id", equalTo(participantId))
                .body("participant.displayName", equalTo("Bea M"))
                .body("deviceToken", equalTo(deviceToken));
        join(code, Map.of("displayName", "Bea", "deviceToken", "someone-elses-device"))
                .then()
                .statusCode(201)
                .body("recognised", equalTo(false));
    }

    @Test
    void anUnknownCodeIsNotFound() {
        join("ZZZ999", Map.of("displayName", "Cai")).then().statusCode(404).contentType("application/problem+json");
        join("not a code at all", Map.of("displayName", "Cai")).then().statusCode(404);
    }

    @Test
    void aNameIsRequiredAndShortAndAScriptIsKeptAsPlainText() {
        String code = TestData.demoRoomCode();
        join(code, Map.of("displayName", "   ")).then().statusCode(400).body("errors[0].field", equalTo("displayName"));
        join(code, Map.of("displayName", "x".repeat(41))).then().statusCode(400);
        join(code, Map.of("displayName", "Dee\u0007")).then().statusCode(400);
        join(code, Map.of("displayName", "Dee", "email", "not-an-email"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("email"));
        join(code, Map.of("displayName", "Dee\u0000"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("displayName"));
        // invisible, or turning the text around, is no name at all
        for (String hidden : new String[] {"\u200B\u200B", "\uFEFF", "\u2060 \u200D", "\u3164"}) {
            join(code, Map.of("displayName", hidden))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mutuality.io/problems/validation"))
                    .body("errors[0].field", equalTo("displayName"));
        }
        join(code, Map.of("displayName", "Ana\u202Eexe.gpj"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("displayName"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("direction"));
        join(code, Map.of("displayName", "Bea\u2066x\u2069")).then().statusCode(400);
        // the same name however it was typed: one form (NFC), no spaces around
        join(code, Map.of("displayName", " Zoe\u0308 "))
                .then()
                .statusCode(201)
                .body("participant.displayName", equalTo("Zo\u00EB"));
        String script = "<img src=x onerror=alert(1)>";
        join(code, Map.of("displayName", script))
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("participant.displayName", equalTo(script));
    }

    @Test
    void anOversizedJoinIsRefused() {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", "Eve");
        body.put("padding", "x".repeat(1_200_000));
        join(TestData.demoRoomCode(), body).then().statusCode(413);
    }

    @Test
    void aParticipantExportsWhatTheyWroteThenErasesIt() {
        Response joined = join(TestData.demoRoomCode(), Map.of("displayName", "Fionn", "email", "fionn@example.test"));
        String token = joined.path("token");

        given().header("Authorization", "Bearer " + token)
                .get("/api/participant/export")
                .then()
                .statusCode(200)
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("mutuality-my-contributions.json"))
                .body("participant.displayName", equalTo("Fionn"))
                .body("participant.email", equalTo("fionn@example.test"))
                .body("rooms", hasSize(1))
                .body("rooms[0].dayNumber", equalTo(1))
                .body("contributions", hasSize(0));

        given().header("Authorization", "Bearer " + token)
                .delete("/api/participant")
                .then()
                .statusCode(204);
        given().header("Authorization", "Bearer " + token)
                .get("/api/participant/export")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + token)
                .delete("/api/participant")
                .then()
                .statusCode(401);
        join(TestData.demoRoomCode(), Map.of("displayName", "Fionn", "deviceToken", joined.path("deviceToken")))
                .then()
                .statusCode(201)
                .body("recognised", equalTo(false));
    }

    @Test
    void aForgedOrMissingTokenIsNotAParticipant() {
        given().header("Authorization", "Bearer forged.token")
                .get("/api/participant/export")
                .then()
                .statusCode(401);
        given().get("/api/participant/export")
                .then()
                .statusCode(401)
                .body("type", equalTo("https://mutuality.io/problems/not-signed-in"));
        String token = TestData.participantToken();
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);
        given().header("Authorization", "Bearer " + tampered)
                .get("/api/participant/export")
                .then()
                .statusCode(401);
    }

    @Test
    void erasingKeepsTheCountOfWhoCame() {
        long before = RoomAttendance.count();
        String token =
                join(TestData.demoRoomCode(), Map.of("displayName", "Gus")).path("token");
        given().header("Authorization", "Bearer " + token)
                .delete("/api/participant")
                .then()
                .statusCode(204);
        assertThat(RoomAttendance.count()).isEqualTo(before + 1);
        assertThat(Participant.<Participant>list("erasedAt is not null"))
                .allMatch(p -> p.displayName == null && p.email == null && p.deviceTokenHash == null);
    }
}
