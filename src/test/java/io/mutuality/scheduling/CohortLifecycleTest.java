package io.mutuality.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cohort's life: open, closed early, running from its first day, completed after its last, or cancelled with everyone told. */
@QuarkusTest
class CohortLifecycleTest {

    @Inject
    SchedulingService scheduling;

    @Inject
    MockMailbox mailbox;

    private static String introduction(String first, String second) {
        String body = """
                {"courseId": "introduction", "title": "Introduction %s", "timeZone": "Europe/Dublin", "capacity": 8,
                 "venue": {"name": "Hall"},
                 "days": [{"date": "%s", "startsAt": "09:30", "endsAt": "16:30"}, {"date": "%s", "startsAt": "09:30", "endsAt": "16:30"}]}
                """.formatted(first, first, second);
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        String trainer = io.quarkus.arc.Arc.container()
                .instance(io.mutuality.identity.IdentityService.class)
                .get()
                .openAccount("life-" + System.nanoTime() + "@example.test", "Lif Trainer", TestData.PASSWORD)
                .id()
                .value()
                .toString();
        io.quarkus.arc.Arc.container()
                .instance(io.mutuality.identity.IdentityService.class)
                .get()
                .grant(
                        new io.mutuality.identity.AccountId(java.util.UUID.fromString(trainer)),
                        java.util.UUID.fromString(TestData.organisationId()),
                        io.mutuality.identity.Role.TRAINER);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", trainer, "lead", true))
                .post(TestData.cohortsPath() + "/" + id + "/trainers")
                .then()
                .statusCode(200);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + id + "/registrations/open")
                .then()
                .statusCode(200);
        return id;
    }

    private static String status(String id) {
        return TestData.admin()
                .get(TestData.cohortsPath() + "/" + id)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    @Test
    void timeMovesACohortFromOpenToRunningToCompleted() {
        String id = introduction("2039-04-04", "2039-04-11");
        scheduling.advance(CohortId.fromString(id), Instant.parse("2039-04-04T08:29:00Z"));
        assertThat(status(id)).isEqualTo("OPEN");
        // 09:30 in Dublin on 4 April 2039 is 08:30 UTC (summer time)
        scheduling.advance(CohortId.fromString(id), Instant.parse("2039-04-04T08:30:00Z"));
        assertThat(status(id)).isEqualTo("RUNNING");
        scheduling.advance(CohortId.fromString(id), Instant.parse("2039-04-11T15:29:00Z"));
        assertThat(status(id)).isEqualTo("RUNNING");
        scheduling.advance(CohortId.fromString(id), Instant.parse("2039-04-11T15:30:00Z"));
        assertThat(status(id)).isEqualTo("COMPLETED");
    }

    @Test
    void twoNodesMovingACohortOnAtOnceMoveItOnceAndNeitherFails() throws Exception {
        CohortId id = CohortId.fromString(introduction("2039-05-02", "2039-05-09"));
        Instant started = Instant.parse("2039-05-02T09:00:00Z");
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Boolean> move = () -> {
            together.await();
            return scheduling.advance(id, started);
        };
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.List<Boolean> moved = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Boolean> run : nodes.invokeAll(java.util.List.of(move, move))) {
            moved.add(run.get());
        }
        nodes.shutdown();
        assertThat(moved).containsExactlyInAnyOrder(true, false);
        assertThat(status(id.value().toString())).isEqualTo("RUNNING");
    }

    @Test
    void theScheduledStatusSweepIsLeftToTheNodeAlreadySweeping() {
        String id = introduction("2039-06-06", "2039-06-13");
        // its days moved into the past, as if time had gone by
        for (int day = 1; day <= 2; day++) {
            int number = day;
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .run(() -> Cohort.getEntityManager()
                            .createNativeQuery(
                                    "update training_day set day_date = ?1 where cohort_id = ?2 and day_number = ?3")
                            .setParameter(
                                    1, java.time.LocalDate.parse("2019-06-03").plusWeeks(number - 1))
                            .setParameter(2, java.util.UUID.fromString(id))
                            .setParameter(3, number)
                            .executeUpdate());
        }
        try (io.mutuality.cluster.OtherNode other =
                io.mutuality.cluster.OtherNode.holding(SchedulingService.STATUS_SWEEP)) {
            scheduling.sweepStatuses();
            assertThat(status(id)).isEqualTo("OPEN");
        }
        scheduling.sweepStatuses();
        assertThat(status(id)).isEqualTo("COMPLETED");
    }

    @Test
    void closingEarlyStopsRegistrationAndCancellingTellsEveryoneRegistered() {
        String id = introduction("2039-06-06", "2039-06-13");
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Pip", "email", "pip.life@example.test"))
                .post("/api/public/cohorts/" + id + "/registrations")
                .then()
                .statusCode(202);
        TestData.as(Persona.TRAINER_A)
                .post(TestData.cohortsPath() + "/" + id + "/close")
                .then()
                .statusCode(403);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + id + "/close")
                .then()
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Late", "email", "late.life@example.test"))
                .post("/api/public/cohorts/" + id + "/registrations")
                .then()
                .statusCode(409);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + id + "/close")
                .then()
                .statusCode(409);

        mailbox.clear();
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(TestData.cohortsPath() + "/" + id + "/cancel")
                .then()
                .statusCode(400);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Our venue has flooded."))
                .post(TestData.cohortsPath() + "/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(mailbox.getMailsSentTo("pip.life@example.test")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("pip.life@example.test").get(0).getText())
                .contains("Our venue has flooded.");
        TestData.admin()
                .get(TestData.cohortsPath() + "/" + id + "/registrations")
                .then()
                .statusCode(200)
                .body("confirmed", org.hamcrest.Matchers.empty())
                .body("ended[0].status", equalTo("CANCELLED"));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Again"))
                .post(TestData.cohortsPath() + "/" + id + "/cancel")
                .then()
                .statusCode(409);
    }
}
