package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.live.engine.Grouping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Role-play grouping for 2 to 40 people, each group size and each rule for the people left over. */
class GroupingTest {

    private static List<UUID> people(int n) {
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(new UUID(0, i + 1));
        }
        return people;
    }

    @Test
    void withAnExtraObserverEveryoneIsPlacedOnceInGroupsOfTheSizeOrOneMore() {
        for (int size = 2; size <= 4; size++) {
            for (int n = 2; n <= 40; n++) {
                List<UUID> people = people(n);
                List<List<UUID>> groups =
                        Grouping.form(people, size, Grouping.EXTRA_OBSERVER, new UUID(9, 9), Map.of(), n);
                List<UUID> placed = groups.stream().flatMap(List::stream).toList();
                assertThat(placed).as("n=%d size=%d", n, size).hasSize(n).containsExactlyInAnyOrderElementsOf(people);
                for (List<UUID> group : groups) {
                    assertThat(group.size()).as("n=%d size=%d", n, size).isBetween(2, n < size ? n : size + 1);
                }
                int sizes = groups.stream().mapToInt(List::size).max().orElseThrow()
                        - groups.stream().mapToInt(List::size).min().orElseThrow();
                assertThat(sizes).as("balanced: n=%d size=%d", n, size).isLessThanOrEqualTo(Math.max(1, size - 2));
            }
        }
    }

    @Test
    void whenAFacilitatorJoinsTheyCompleteTheOneSmallerGroupAndOnlyWhenSomeoneIsLeftOver() {
        UUID facilitator = new UUID(9, 9);
        for (int size = 2; size <= 4; size++) {
            for (int n = 2; n <= 40; n++) {
                List<List<UUID>> groups =
                        Grouping.form(people(n), size, Grouping.FACILITATOR_JOINS, facilitator, Map.of(), n);
                long withFacilitator =
                        groups.stream().filter(g -> g.contains(facilitator)).count();
                assertThat(withFacilitator).as("n=%d size=%d", n, size).isEqualTo(n % size == 0 ? 0 : 1);
                for (int i = 0; i < groups.size(); i++) {
                    List<UUID> group = groups.get(i);
                    if (group.contains(facilitator)) {
                        assertThat(i).isEqualTo(groups.size() - 1);
                        assertThat(group.size()).isBetween(2, size);
                    } else {
                        assertThat(group).as("n=%d size=%d", n, size).hasSize(size);
                    }
                }
                assertThat(groups.stream()
                                .flatMap(List::stream)
                                .filter(p -> !p.equals(facilitator))
                                .toList())
                        .containsExactlyInAnyOrderElementsOf(people(n));
            }
        }
    }

    @Test
    void groupingIsTheSameForTheSameSeed() {
        assertThat(Grouping.form(people(13), 3, Grouping.EXTRA_OBSERVER, null, Map.of(), 7))
                .isEqualTo(Grouping.form(people(13), 3, Grouping.EXTRA_OBSERVER, null, Map.of(), 7));
    }

    @Test
    void peopleWhoHavePractisedTogetherAreKeptApartWhenThatIsPossible() {
        // six people in pairs: three role-plays with nobody meeting the same partner twice
        Map<String, Integer> met = new HashMap<>();
        List<UUID> six = people(6);
        for (int round = 0; round < 3; round++) {
            List<List<UUID>> pairs = Grouping.form(six, 2, Grouping.EXTRA_OBSERVER, null, met, round);
            assertThat(Grouping.repeats(pairs, met))
                    .as("role-play %d", round + 1)
                    .isZero();
            Grouping.record(pairs, met);
        }
        // nine people in threes: the second role-play puts nobody with someone from their first group
        met.clear();
        List<UUID> nine = people(9);
        List<List<UUID>> first = Grouping.form(nine, 3, Grouping.EXTRA_OBSERVER, null, met, 1);
        Grouping.record(first, met);
        List<List<UUID>> second = Grouping.form(nine, 3, Grouping.EXTRA_OBSERVER, null, met, 2);
        assertThat(Grouping.repeats(second, met)).isZero();
        for (List<UUID> group : second) {
            for (List<UUID> earlier : first) {
                Set<UUID> both = new HashSet<>(group);
                both.retainAll(earlier);
                assertThat(both.size()).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void theSizesFollowTheRule() {
        assertThat(Grouping.sizes(7, 3, Grouping.EXTRA_OBSERVER)).containsExactly(4, 3);
        assertThat(Grouping.sizes(7, 3, Grouping.FACILITATOR_JOINS)).containsExactly(3, 3, 1);
        assertThat(Grouping.sizes(5, 3, Grouping.EXTRA_OBSERVER)).containsExactly(3, 2);
        assertThat(Grouping.sizes(5, 2, Grouping.EXTRA_OBSERVER)).containsExactly(3, 2);
        assertThat(Grouping.sizes(2, 3, Grouping.EXTRA_OBSERVER)).containsExactly(2);
        assertThat(Grouping.needsFacilitator(8, 4, Grouping.FACILITATOR_JOINS)).isFalse();
    }
}
