package io.mutuality.curriculum;

import java.util.List;

/**
 * A course as its manifest describes it.
 *
 * @param version changes whenever the course changes; a cohort keeps the version it was planned with
 * @param prerequisites ids of the courses a person must have completed first
 */
public record Course(
        String id,
        String title,
        String version,
        Integer lengthDays,
        String audience,
        String summary,
        List<String> prerequisites,
        List<Curriculum.Day> days) {

    public Course {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
        days = days == null ? List.of() : List.copyOf(days);
    }
}
