package io.mutuality.curriculum;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CourseResourceTest {

    @Test
    void listsTheFourCourses() {
        given().get("/api/courses").then()
                .statusCode(200)
                .body("id", contains("introduction", "core", "advanced", "train-the-trainer"))
                .body("lengthDays", contains(2, 5, 3, 5));
    }

    @Test
    void oneCourseAndAnUnknownOne() {
        given().get("/api/courses/advanced").then()
                .statusCode(200)
                .body("prerequisites", contains("core"));
        given().get("/api/courses/juggling").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no course 'juggling' here."));
    }
}
