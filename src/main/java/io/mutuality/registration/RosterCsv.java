package io.mutuality.registration;

import io.mutuality.common.Csv;
import io.mutuality.common.ProblemException;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.registration.RegistrationApi.Roster;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Participants in and out of a cohort as CSV: the import with its dry run, and the roster export. */
final class RosterCsv {

    static final List<String> COLUMNS = List.of("name", "email", "pool", "accessNeeds", "dietaryNeeds");
    static final int MAX_ROWS = 500;

    private RosterCsv() {}

    /** One row of an import file, as read: its line, the request it makes, or what is wrong with it. */
    record Row(long line, RegisterRequest request, List<String> problems) {}

    /** Reads an import file; every row comes back, with its problems if it has any. */
    static List<Row> read(String csv, Validator validator) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.rule(
                    "file", "The file is empty. Its first line names the columns: " + String.join(",", COLUMNS) + ".");
        }
        List<Row> rows = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setIgnoreHeaderCase(true)
                .build();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.strip()), format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            Set<String> known = new HashSet<>();
            header.keySet().forEach(h -> known.add(h.toLowerCase(Locale.ROOT)));
            if (!known.contains("name") || !known.contains("email")) {
                throw ProblemException.rule(
                        "file",
                        "The first line must name the columns, with at least name and email: "
                                + String.join(",", COLUMNS) + ".");
            }
            Set<String> seen = new HashSet<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw ProblemException.rule("file", "A file may hold at most " + MAX_ROWS + " people.");
                }
                RegisterRequest request = new RegisterRequest(
                        get(record, "name"),
                        get(record, "email"),
                        get(record, "pool"),
                        get(record, "accessNeeds"),
                        get(record, "dietaryNeeds"));
                List<String> problems = new ArrayList<>();
                if (!record.isConsistent()) {
                    problems.add("This line has " + record.size() + " cells; the header has " + header.size() + ".");
                }
                validator.validate(request).forEach(v -> problems.add(v.getPropertyPath() + ": " + v.getMessage()));
                if (request.email() != null
                        && !request.email().isBlank()
                        && !seen.add(Registration.emailKey(request.email()))) {
                    problems.add("email: this address is on an earlier line of the file too.");
                }
                rows.add(new Row(parser.getCurrentLineNumber(), request, problems));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.rule("file", "The file could not be read as CSV: " + e.getMessage());
        }
        return rows;
    }

    private static String get(CSVRecord record, String column) {
        for (Map.Entry<String, String> cell : record.toMap().entrySet()) {
            if (cell.getKey().equalsIgnoreCase(column)) {
                String value = cell.getValue();
                return value == null || value.isBlank() ? null : value;
            }
        }
        return null;
    }

    static String export(Roster roster) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<RegistrationApi.RegistrationView> list :
                List.of(roster.confirmed(), roster.offered(), roster.waitlist(), roster.ended())) {
            for (RegistrationApi.RegistrationView r : list) {
                rows.add(java.util.Arrays.asList(
                        r.name(),
                        r.email(),
                        r.pool(),
                        r.status().name().toLowerCase(Locale.ROOT),
                        r.waitlistPlace(),
                        r.accessNeeds(),
                        r.dietaryNeeds(),
                        r.registeredAt()));
            }
        }
        return Csv.write(
                List.of(
                        "name",
                        "email",
                        "pool",
                        "status",
                        "waitlistPlace",
                        "accessNeeds",
                        "dietaryNeeds",
                        "registeredAt"),
                rows);
    }
}
