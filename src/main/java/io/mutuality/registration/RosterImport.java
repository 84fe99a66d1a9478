package io.mutuality.registration;

import io.mutuality.registration.RegistrationApi.ImportReport;
import io.mutuality.registration.RegistrationApi.ImportRow;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What each row of an imported roster becomes: a seat, a place on the waitlist, nothing (the
 * email is already registered), or an error with what is wrong. Pure: the rows as read by
 * {@link RosterCsv}, the pools and how they stand in, the plan out. Rows are placed in file
 * order, so the seats left go to the earlier lines and, once anyone waits in a pool, everyone
 * after them waits too.
 */
public final class RosterImport {

    private RosterImport() {}

    /** What a row comes to. */
    public enum Outcome {
        CONFIRMED("confirmed"),
        WAITLISTED("waitlisted"),
        ALREADY_REGISTERED("already-registered"),
        ERROR("error");

        private final String word;

        Outcome(String word) {
            this.word = word;
        }

        /** How the report names it. */
        public String word() {
            return word;
        }
    }

    /** One planned row: the request to register (with its pool filled in), and what it comes to. */
    public record Planned(long line, RegisterRequest request, String pool, Outcome outcome, List<String> problems) {
        public Planned {
            problems = List.copyOf(problems);
        }

        /** Whether a real import registers this row. */
        public boolean registers() {
            return outcome == Outcome.CONFIRMED || outcome == Outcome.WAITLISTED;
        }
    }

    /** A pool as the import sees it: its seats left, and whether anyone waits in it already. */
    public record PoolStart(Seating.Pool pool, long seatsLeft, boolean someoneWaiting) {}

    /**
     * Plans every row. A row without a pool goes to the first pool (an import is the organisation's
     * own, so any pool may be named).
     *
     * @param pools the cohort's pools in their order, as they stand before the import
     * @param alreadyRegistered whether an email has an active registration in the cohort
     */
    public static List<Planned> plan(
            List<RosterCsv.Row> rows, List<PoolStart> pools, Predicate<String> alreadyRegistered) {
        Map<String, Long> free = new HashMap<>();
        Set<String> waiting = new HashSet<>();
        for (PoolStart start : pools) {
            free.put(start.pool().code(), start.seatsLeft());
            if (start.someoneWaiting()) {
                waiting.add(start.pool().code());
            }
        }
        List<Planned> planned = new ArrayList<>();
        for (RosterCsv.Row row : rows) {
            RegisterRequest request = row.request();
            List<String> problems = new ArrayList<>(row.problems());
            String pool = request.pool() == null ? pools.get(0).pool().code() : request.pool();
            if (!free.containsKey(pool)) {
                problems.add("pool: there is no pool '" + pool + "' in this cohort.");
            }
            Outcome outcome;
            if (!problems.isEmpty()) {
                outcome = Outcome.ERROR;
            } else if (alreadyRegistered.test(request.email())) {
                outcome = Outcome.ALREADY_REGISTERED;
            } else if (free.get(pool) > 0 && !waiting.contains(pool)) {
                free.merge(pool, -1L, Long::sum);
                outcome = Outcome.CONFIRMED;
            } else {
                waiting.add(pool);
                outcome = Outcome.WAITLISTED;
            }
            RegisterRequest placed = new RegisterRequest(
                    request.name(), request.email(), pool, request.accessNeeds(), request.dietaryNeeds());
            planned.add(new Planned(row.line(), placed, pool, outcome, problems));
        }
        return planned;
    }

    /** The report of an import (or of a dry run): the counts of each outcome, and every row. */
    public static ImportReport report(boolean dryRun, List<Planned> planned) {
        Map<Outcome, Integer> counts = new HashMap<>();
        List<ImportRow> rows = new ArrayList<>();
        for (Planned p : planned) {
            counts.merge(p.outcome(), 1, Integer::sum);
            rows.add(new ImportRow(
                    p.line(),
                    p.request().name(),
                    p.request().email(),
                    p.pool(),
                    p.outcome().word(),
                    p.problems()));
        }
        return new ImportReport(
                dryRun,
                counts.getOrDefault(Outcome.CONFIRMED, 0),
                counts.getOrDefault(Outcome.WAITLISTED, 0),
                counts.getOrDefault(Outcome.ALREADY_REGISTERED, 0),
                counts.getOrDefault(Outcome.ERROR, 0),
                rows);
    }
}
