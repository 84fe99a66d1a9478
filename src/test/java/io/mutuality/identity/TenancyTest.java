package io.mutuality.identity;

import static io.mutuality.TestData.Persona.ADMIN_A;
import static io.mutuality.TestData.Persona.TRAINER_B;
import static io.mutuality.TestData.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.mutuality.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Another organisation's data is invisible: every read and write answers 404 and changes nothing. */
@QuarkusTest
class TenancyTest {

    private static final String NOT_FOUND = "https://mutuality.io/problems/not-found";

    @Test
    void anOrganisationListsOnlyForItsMembers() {
        as(TRAINER_B)
                .get("/api/organisations")
                .then()
                .statusCode(200)
                .body("id", hasItem(TestData.organisationB()))
                .body("id", not(hasItem(TestData.organisationId())));
    }

    @Test
    void readsOfAnotherOrganisationAnswer404() {
        String a = "/api/organisations/" + TestData.organisationId();
        for (String path : new String[] {
            a,
            a + "/cohorts",
            a + "/cohorts/" + TestData.demoCohortId(),
            a + "/members",
            a + "/invitations",
            a + "/audit"
        }) {
            as(TRAINER_B).get(path).then().statusCode(404).body("type", equalTo(NOT_FOUND));
        }
    }

    @Test
    void writesToAnotherOrganisationAnswer404AndChangeNothing() {
        String a = "/api/organisations/" + TestData.organisationId();
        int cohortsBefore = as(ADMIN_A).get(a + "/cohorts").then().extract().path("size()");
        int membersBefore = as(ADMIN_A).get(a + "/members").then().extract().path("size()");
        String adminId =
                as(ADMIN_A).get(a + "/members").then().extract().path("find { it.role == 'ORG_ADMIN' }.accountId");

        as(TRAINER_B)
                .contentType(ContentType.JSON)
                .body(TestData.coreCohortJson("2033-02-07"))
                .post(a + "/cohorts")
                .then()
                .statusCode(404)
                .body("type", equalTo(NOT_FOUND));
        as(TRAINER_B)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "intruder@example.test", "role", "ORG_ADMIN"))
                .post(a + "/invitations")
                .then()
                .statusCode(404);
        as(TRAINER_B)
                .contentType(ContentType.JSON)
                .body(Map.of("role", "TRAINER"))
                .put(a + "/members/" + adminId)
                .then()
                .statusCode(404);
        as(TRAINER_B).delete(a + "/members/" + adminId).then().statusCode(404);
        as(TRAINER_B)
                .post(a + "/cohorts/" + TestData.demoCohortId() + "/days/1/room")
                .then()
                .statusCode(404);

        as(ADMIN_A).get(a + "/cohorts").then().body("$", hasSize(cohortsBefore));
        as(ADMIN_A)
                .get(a + "/members")
                .then()
                .body("$", hasSize(membersBefore))
                .body("find { it.accountId == '" + adminId + "' }.role", equalTo("ORG_ADMIN"));
        as(ADMIN_A).get(a + "/invitations").then().body("email", not(hasItem("intruder@example.test")));
    }

    @Test
    void aCohortOfAnotherOrganisationIsNotReachableThroughOnesOwn() {
        String mine = "/api/organisations/" + TestData.organisationB();
        as(TRAINER_B).get(mine + "/cohorts/" + TestData.demoCohortId()).then().statusCode(404);
        as(TRAINER_B)
                .post(mine + "/cohorts/" + TestData.demoCohortId() + "/days/1/room")
                .then()
                .statusCode(404);
    }
}
