package io.mutuality.curriculum;

import io.mutuality.curriculum.CurriculumException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown that goes with a course as a whole, one file per course in a folder: how it runs online
 * ({@code online/<course>.md}) and the letter to people coming on it ({@code letters/<course>.md}).
 */
final class CourseTexts {

    /** A placeholder an organisation fills in: {{name}}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    /** What a letter must always say: how to reach the trainers, and who to contact for support. */
    static final Set<String> LETTER_MUST_NAME = Set.of("trainer contact", "support contact");

    private CourseTexts() {}

    /**
     * The texts in {@code folder} for these courses, where a file exists.
     *
     * @param letters whether these are letters, whose placeholders are checked
     */
    static Map<String, String> load(LoadRun run, String folder, Set<String> courses, boolean letters) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String id : courses) {
            String file = folder + "/" + id + ".md";
            if (!exists(run, file)) {
                continue;
            }
            String text = run.read(file);
            if (text == null) {
                continue;
            }
            if (text.isBlank()) {
                run.problems.add(new Problem(file, 1, "is empty: write it, or remove the file"));
                continue;
            }
            if (letters && !checkLetter(run, file, text)) {
                continue;
            }
            texts.put(id, text.strip());
        }
        return texts;
    }

    private static boolean checkLetter(LoadRun run, String file, String text) {
        int before = run.problems.size();
        Matcher m = PLACEHOLDER.matcher(text);
        java.util.Set<String> named = new java.util.HashSet<>();
        while (m.find()) {
            String name = m.group(1);
            named.add(name);
            if (!Curriculum.LETTER_PLACEHOLDERS.containsKey(name)) {
                int line = (int) text.substring(0, m.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count()
                        + 1;
                run.problems.add(new Problem(
                        file,
                        line,
                        "unknown placeholder {{" + name + "}} (known: "
                                + String.join(", ", new java.util.TreeSet<>(Curriculum.LETTER_PLACEHOLDERS.keySet()))
                                + ")"));
            }
        }
        for (String must : new java.util.TreeSet<>(LETTER_MUST_NAME)) {
            if (!named.contains(must)) {
                run.problems.add(new Problem(file, null, "a letter gives the {{" + must + "}}"));
            }
        }
        return run.problems.size() == before;
    }

    private static boolean exists(LoadRun run, String file) {
        Optional<InputStream> probe = run.source.open(file);
        if (probe.isEmpty()) {
            return false;
        }
        try {
            probe.get().close();
        } catch (IOException e) {
            // read() reports a file that cannot be read
        }
        return true;
    }
}
