package io.mutuality.curriculum;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.mutuality.curriculum.CurriculumException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One load of {@code curriculum/}: reads, parses and binds its files and collects every problem found, each with its
 * file and line, together with the small checks every part of the loader shares.
 */
final class LoadRun {

    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final CurriculumSource source;
    final List<Problem> problems = new ArrayList<>();

    LoadRun(CurriculumSource source) {
        this.source = source;
    }

    /** A problem at a value; for a list or a map, the line of its key is the one people look for. */
    void problem(LocatedYaml doc, String pointer, String message) {
        problems.add(new Problem(doc.file, doc.keyLine(pointer), message));
    }

    String read(String file) {
        try (InputStream in = source.open(file).orElse(null)) {
            if (in == null) {
                problems.add(new Problem(file, null, "file not found"));
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, null, "cannot be read: " + e.getMessage()));
            return null;
        }
    }

    LocatedYaml yaml(String file, String text, int firstLine) {
        try {
            return LocatedYaml.parse(file, text, firstLine);
        } catch (CurriculumException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    <T> T bind(LocatedYaml doc, Class<T> type) {
        try {
            return JSON.treeToValue(doc.tree, type);
        } catch (UnrecognizedPropertyException e) {
            String pointer = pointer(e);
            problems.add(new Problem(doc.file, doc.keyLine(pointer), "unknown field '" + e.getPropertyName() + "'"));
        } catch (JsonMappingException e) {
            String pointer = pointer(e);
            String field = pointer.isEmpty()
                    ? "the file"
                    : "field '" + pointer.substring(1).replace('/', '.') + "'";
            boolean pair = doc.tree.at(pointer).isObject() && e.getMessage().contains("String");
            problems.add(new Problem(
                    doc.file,
                    doc.line(pointer),
                    field
                            + (pair
                                    ? " reads as 'key: value' because its text has a colon followed by a space; put the text in quotes"
                                    : " has the wrong type of value")));
        } catch (IOException e) {
            problems.add(new Problem(doc.file, null, e.getMessage()));
        }
        return null;
    }

    static void id(LoadRun run, LocatedYaml doc, String at, String id, Set<String> seen) {
        if (id == null || !ID.matcher(id).matches()) {
            run.problem(doc, at, "'" + id + "' is not an id (lower-case words joined by hyphens)");
        } else if (!seen.add(id)) {
            run.problem(doc, at, "id '" + id + "' is used twice");
        }
    }

    static void required(LoadRun run, LocatedYaml doc, String at, String value) {
        if (value == null || value.isBlank()) {
            run.problem(doc, at, at.substring(at.lastIndexOf('/') + 1) + " is missing");
        }
    }

    static void known(LoadRun run, LocatedYaml doc, String at, List<String> values, Set<String> known, String what) {
        for (int i = 0; i < values.size(); i++) {
            if (!known.contains(values.get(i))) {
                run.problem(doc, at + "/" + i, "unknown " + what + " '" + values.get(i) + "'");
            }
        }
    }

    static LocalTime time(LoadRun run, LocatedYaml doc, String at, String value) {
        if (value == null || !TIME.matcher(value).matches()) {
            run.problem(doc, at, "'" + value + "' is not a time such as 09:30");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            run.problem(doc, at, "'" + value + "' is not a time such as 09:30");
            return null;
        }
    }

    static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('/').append(ref.getIndex());
            }
        }
        return out.toString();
    }
}
