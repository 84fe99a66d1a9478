package io.mutuality.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks the curricula. Pure: no Quarkus, so trainers' edits can be checked by a
 * test or a command without starting the application. Every problem names the file and,
 * where the parser knows it, the line.
 */
public final class CurriculumLoader {

    static final String INDEX = "curriculum.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final int MAX_DAYS = 10;

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Index(List<String> courses) {
    }

    /** Loads every course the index names, in the index's order, or fails on the first problem. */
    public Map<String, Course> load(CurriculumSource source) {
        Index index = read(source, INDEX, Index.class);
        if (index.courses() == null || index.courses().isEmpty()) {
            throw new CurriculumException(INDEX, null, "lists no courses");
        }
        Map<String, Course> courses = new LinkedHashMap<>();
        for (String id : index.courses()) {
            String file = "courses/" + id + ".yaml";
            if (id == null || !ID.matcher(id).matches()) {
                throw new CurriculumException(INDEX, null, "'" + id + "' is not a course id (lower-case words joined by hyphens)");
            }
            Course course = read(source, file, Course.class);
            check(file, course);
            if (courses.putIfAbsent(id, course) != null) {
                throw new CurriculumException(INDEX, null, "lists course '" + id + "' twice");
            }
        }
        for (Course course : courses.values()) {
            for (String prerequisite : course.prerequisites()) {
                if (!courses.containsKey(prerequisite)) {
                    throw new CurriculumException("courses/" + course.id() + ".yaml", null,
                            "prerequisite '" + prerequisite + "' is not a course in " + INDEX);
                }
            }
        }
        return courses;
    }

    private void check(String file, Course course) {
        List<String> problems = new ArrayList<>();
        String expectedId = file.substring("courses/".length(), file.length() - ".yaml".length());
        if (!expectedId.equals(course.id())) {
            problems.add("id is '" + course.id() + "' but the file is named for '" + expectedId + "'");
        }
        if (isBlank(course.title())) {
            problems.add("title is missing");
        }
        if (isBlank(course.audience())) {
            problems.add("audience is missing");
        }
        if (isBlank(course.summary())) {
            problems.add("summary is missing");
        }
        if (course.lengthDays() == null) {
            problems.add("lengthDays is missing");
        } else if (course.lengthDays() < 1 || course.lengthDays() > MAX_DAYS) {
            problems.add("lengthDays must be between 1 and " + MAX_DAYS + ", not " + course.lengthDays());
        }
        if (course.prerequisites().contains(course.id())) {
            problems.add("a course cannot be its own prerequisite");
        }
        if (!problems.isEmpty()) {
            throw new CurriculumException(file, null, String.join("; ", problems));
        }
    }

    private <T> T read(CurriculumSource source, String file, Class<T> type) {
        String text;
        try (InputStream in = source.open(file)
                .orElseThrow(() -> new CurriculumException(file, null, "file not found"))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CurriculumException(file, null, "cannot be read: " + e.getMessage());
        }
        try {
            T value = yaml.readValue(text, type);
            if (value == null) {
                throw new CurriculumException(file, null, "file is empty");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw new CurriculumException(file, lineOfKey(text, e.getPropertyName()).orElse(line(e)),
                    "unknown field '" + e.getPropertyName() + "'");
        } catch (JsonMappingException e) {
            throw new CurriculumException(file, line(e), "field '" + path(e) + "' " + simplify(e));
        } catch (JsonProcessingException e) {
            throw new CurriculumException(file, line(e), "is not valid YAML: " + e.getOriginalMessage());
        }
    }

    /**
     * Records are built once the whole document is read, so Jackson reports an unknown key at
     * the end of the file; the key's own line is what a person needs.
     */
    private static Optional<Integer> lineOfKey(String text, String key) {
        Pattern keyLine = Pattern.compile("^\\s*(?:-\\s+)?[\"']?" + Pattern.quote(key) + "[\"']?\\s*:");
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (keyLine.matcher(lines[i]).find()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static Integer line(JsonProcessingException e) {
        return e.getLocation() == null ? null : e.getLocation().getLineNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String simplify(JsonMappingException e) {
        String message = e.getOriginalMessage();
        return message.contains("Cannot deserialize") || message.contains("Cannot coerce")
                ? "has the wrong type of value"
                : "is not valid: " + message;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
