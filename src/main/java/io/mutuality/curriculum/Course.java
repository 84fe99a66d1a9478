package io.mutuality.curriculum;

import java.util.List;

/**
 * A course as its manifest describes it.
 *
 * @param prerequisites ids of the courses a person must have completed first
 */
public record Course(String id, String title, Integer lengthDays, String audience, String summary,
        List<String> prerequisites) {

    public Course {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    }
}
