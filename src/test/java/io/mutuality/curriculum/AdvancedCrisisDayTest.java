package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Advanced's crisis sessions build on Core's fourth day instead of running it again. */
class AdvancedCrisisDayTest {

    private static final List<String> ADVANCED_CRISIS = List.of("adv-crisis-connect", "adv-crisis-conversations");
    private static Curriculum curriculum;

    @BeforeAll
    static void load() {
        curriculum = new CurriculumLoader().load(Path.of("curriculum").toAbsolutePath());
    }

    @Test
    void theCoreSessionsTheyReferToRunOnCoresFourthDay() {
        List<String> dayFour = curriculum.course("core").orElseThrow().days().get(3).agenda().stream()
                .map(Curriculum.AgendaItem::module)
                .filter(java.util.Objects::nonNull)
                .toList();
        assertThat(dayFour).contains("core-crisis-reread", "core-crisis-alternatives", "core-proactive-crisis-plan");
        for (String id : ADVANCED_CRISIS) {
            String notes = curriculum.module(id).orElseThrow().notes();
            assertThat(notes).as(id).contains("Core's fourth day");
            assertThat(notes).as(id).doesNotContainPattern("(?i)\\b(monday|tuesday|wednesday|thursday|friday)\\b");
        }
    }

    @Test
    void noActivityOfCoresFourthDayIsRunAgain() {
        Set<String> coreDayFour = curriculum.course("core").orElseThrow().days().get(3).agenda().stream()
                .filter(i -> i.module() != null)
                .flatMap(i -> curriculum.module(i.module()).orElseThrow().activities().stream())
                .flatMap(a -> java.util.stream.Stream.of(a.title(), a.prompt()))
                .filter(java.util.Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (String id : ADVANCED_CRISIS) {
            for (Curriculum.Activity a : curriculum.module(id).orElseThrow().activities()) {
                assertThat(coreDayFour).as(id).doesNotContain(lower(a.title()), lower(a.prompt()));
                assertThat(a.themes())
                        .as(id + " practises planning ahead again")
                        .doesNotContain("planning-ahead");
            }
        }
    }

    @Test
    void theNewAnglesAreThere() {
        String connect = curriculum.module("adv-crisis-connect").orElseThrow().notes();
        String after =
                curriculum.module("adv-crisis-conversations").orElseThrow().notes();
        assertThat(connect).contains("fear in the person alongside", "Re-reading a crisis story of our own");
        assertThat(after).contains("The conversation after", "A risk procedure read together");
    }

    private static String lower(String s) {
        return s == null ? "\u0000" : s.toLowerCase(Locale.ROOT);
    }
}
