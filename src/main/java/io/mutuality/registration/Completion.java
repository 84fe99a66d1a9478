package io.mutuality.registration;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether someone completed a course, by the organisation's rule: days they must attend, an
 * allowance of time missed over the other days, and what happens otherwise (make up the missed
 * days in a later cohort of the same course, or repeat the course). Pure: days in, outcome out.
 */
public final class Completion {

    /** What happens to someone who does not meet the rule. */
    public enum Otherwise {
        MAKE_UP,
        REPEAT
    }

    /** An organisation's rule for a course. */
    public record Rule(List<Integer> mustAttendDays, int maxMinutesMissed, Otherwise otherwise) {
        public Rule {
            mustAttendDays = List.copyOf(mustAttendDays);
        }

        /** Until an organisation sets its own: the first day must be attended, and up to half a day may be missed. */
        public static final Rule STANDARD = new Rule(List.of(1), 210, Otherwise.MAKE_UP);
    }

    /** One training day for one person: its length, and minutes missed (null while the day has not been held). */
    public record Day(int dayNumber, int minutesLong, Integer minutesMissed) {}

    public enum State {
        /** Met the rule on every day held so far, but days remain. */
        ON_TRACK,
        COMPLETED,
        /** Missed too much; can make up {@link Outcome#daysToMakeUp} in a later cohort. */
        MAKE_UP,
        /** Missed too much; the organisation's rule asks them to take the course again. */
        REPEAT
    }

    public record Outcome(State state, int minutesMissed, List<Integer> daysToMakeUp, String reason) {}

    private Completion() {}

    public static Outcome evaluate(Rule rule, List<Day> days) {
        int missed = 0;
        boolean allHeld = true;
        List<Integer> mustMissed = new ArrayList<>();
        List<Integer> missedDays = new ArrayList<>();
        for (Day day : days) {
            if (day.minutesMissed() == null) {
                allHeld = false;
                continue;
            }
            int minutes = Math.max(0, Math.min(day.minutesLong(), day.minutesMissed()));
            if (minutes > 0) {
                missedDays.add(day.dayNumber());
            }
            if (rule.mustAttendDays().contains(day.dayNumber()) && minutes > 0) {
                // a must-attend day allows the odd few minutes (a late bus), not missing a part of it
                if (minutes > 15) {
                    mustMissed.add(day.dayNumber());
                }
                continue;
            }
            missed += minutes;
        }
        String reason = null;
        if (!mustMissed.isEmpty()) {
            reason = "Missed time on day " + join(mustMissed) + ", which must be attended.";
        } else if (missed > rule.maxMinutesMissed()) {
            reason = "Missed " + hours(missed) + " in all; the allowance is " + hours(rule.maxMinutesMissed()) + ".";
        }
        if (reason != null) {
            List<Integer> makeUp = new ArrayList<>(mustMissed);
            if (missed > rule.maxMinutesMissed()) {
                missedDays.stream().filter(d -> !makeUp.contains(d)).forEach(makeUp::add);
            }
            makeUp.sort(Integer::compare);
            return rule.otherwise() == Otherwise.MAKE_UP
                    ? new Outcome(State.MAKE_UP, missed, makeUp, reason)
                    : new Outcome(State.REPEAT, missed, List.of(), reason);
        }
        return new Outcome(allHeld ? State.COMPLETED : State.ON_TRACK, missed, List.of(), null);
    }

    private static String join(List<Integer> days) {
        return String.join(" and ", days.stream().map(String::valueOf).toList());
    }

    static String hours(int minutes) {
        return minutes % 60 == 0
                ? minutes / 60 + " hours"
                : String.format(java.util.Locale.UK, "%.1f hours", minutes / 60.0);
    }
}
