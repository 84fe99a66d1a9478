package io.mutuality.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.registration.Completion.Day;
import io.mutuality.registration.Completion.Otherwise;
import io.mutuality.registration.Completion.Rule;
import io.mutuality.registration.Completion.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Completion rules: must-attend days, an allowance of time missed, make-up or repeat. */
class CompletionTest {

    /** The first two days must be attended; up to 5 hours may be missed over the rest; otherwise make up. */
    private static final Rule RULE = new Rule(List.of(1, 2), 300, Otherwise.MAKE_UP);

    private static List<Day> week(Integer... missed) {
        return java.util.stream.IntStream.range(0, missed.length)
                .mapToObj(i -> new Day(i + 1, 420, missed[i]))
                .toList();
    }

    @Test
    void everyDayAttendedCompletes() {
        assertThat(Completion.evaluate(RULE, week(0, 0, 0, 0, 0)).state()).isEqualTo(State.COMPLETED);
    }

    @Test
    void missingUpToTheAllowanceOnOtherDaysStillCompletes() {
        var outcome = Completion.evaluate(RULE, week(0, 5, 120, 180, 0));
        assertThat(outcome.state()).isEqualTo(State.COMPLETED);
        assertThat(outcome.minutesMissed()).isEqualTo(300);
    }

    @Test
    void missingMoreThanTheAllowanceMeansMakingUpTheDaysWithMissedTime() {
        var outcome = Completion.evaluate(RULE, week(0, 0, 420, 0, 60));
        assertThat(outcome.state()).isEqualTo(State.MAKE_UP);
        assertThat(outcome.daysToMakeUp()).containsExactly(3, 5);
        assertThat(outcome.reason()).contains("8 hours").contains("5 hours");
    }

    @Test
    void aMustAttendDayMissedIsMadeUpEvenWithinTheAllowance() {
        var outcome = Completion.evaluate(RULE, week(0, 240, 0, 0, 0));
        assertThat(outcome.state()).isEqualTo(State.MAKE_UP);
        assertThat(outcome.daysToMakeUp()).containsExactly(2);
        assertThat(outcome.reason()).contains("day 2");
    }

    @Test
    void whereTheRuleSaysRepeatThereIsNothingToMakeUp() {
        var outcome = Completion.evaluate(new Rule(List.of(1), 60, Otherwise.REPEAT), week(0, 120, 0, 0, 0));
        assertThat(outcome.state()).isEqualTo(State.REPEAT);
        assertThat(outcome.daysToMakeUp()).isEmpty();
    }

    @Test
    void daysNotYetHeldKeepSomeoneOnTrack() {
        assertThat(Completion.evaluate(RULE, week(0, 0, null, null, null)).state())
                .isEqualTo(State.ON_TRACK);
        assertThat(Completion.evaluate(RULE, week(300, 0, null, null, null)).state())
                .isEqualTo(State.MAKE_UP);
    }
}
