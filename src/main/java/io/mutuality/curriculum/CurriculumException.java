package io.mutuality.curriculum;

import java.util.List;

/** Curriculum files that cannot be used: every problem with its file and, where known, line. */
public class CurriculumException extends RuntimeException {

    /** One problem: {@code courses/core.yaml:14: at is 11:00 but the item before ends at 10:45}. */
    public record Problem(String file, Integer line, String message) {
        @Override
        public String toString() {
            return file + (line == null ? "" : ":" + line) + ": " + message;
        }
    }

    private final List<Problem> problems;

    public CurriculumException(String file, Integer line, String message) {
        this(List.of(new Problem(file, line, message)));
    }

    public CurriculumException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).toString();
        }
        StringBuilder text = new StringBuilder(problems.size() + " problems in the curriculum:");
        problems.forEach(p -> text.append("\n  ").append(p));
        return text.toString();
    }
}
