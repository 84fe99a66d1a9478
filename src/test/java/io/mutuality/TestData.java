package io.mutuality;

import static io.restassured.RestAssured.given;

import io.mutuality.demo.DemoData;

/** Shared look-ups of the demo organisation that every API test can start from. */
public final class TestData {

    private static String organisationId;

    private TestData() {
    }

    public static synchronized String organisationId() {
        if (organisationId == null) {
            organisationId = given().get("/api/organisations").then().statusCode(200).extract()
                    .path("find { it.slug == '" + DemoData.ORGANISATION_SLUG + "' }.id");
        }
        return organisationId;
    }

    public static String cohortsPath() {
        return "/api/organisations/" + organisationId() + "/cohorts";
    }

    /** A valid five-day Core cohort starting on {@code firstDay} (a Monday), Monday to Friday. */
    public static String coreCohortJson(String firstDay) {
        java.time.LocalDate start = java.time.LocalDate.parse(firstDay);
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            days.append(i == 0 ? "" : ",").append("{\"date\": \"").append(start.plusDays(i))
                    .append("\", \"startsAt\": \"09:30\", \"endsAt\": \"16:30\"}");
        }
        return """
                {"courseId": "core", "title": "Core in the spring", "capacity": 16,
                 "venue": {"name": "The Long Room", "address": "1 Mill Street"},
                 "registrationOpens": "%s", "registrationCloses": "%s",
                 "days": [%s]}
                """.formatted(start.minusWeeks(10), start.minusWeeks(1), days);
    }
}
