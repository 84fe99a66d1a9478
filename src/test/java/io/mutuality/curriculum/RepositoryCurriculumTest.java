package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The curricula in this repository load and meet what the courses promise. */
class RepositoryCurriculumTest {

    private static Curriculum curriculum;

    @BeforeAll
    static void load() {
        curriculum = new CurriculumLoader()
                .load(CurriculumSource.directory(Path.of("curriculum").toAbsolutePath()));
    }

    @Test
    void theFourCoursesHaveTheirDays() {
        assertThat(curriculum.courses())
                .extracting(Course::id)
                .containsExactly("introduction", "core", "advanced", "train-the-trainer");
        assertThat(curriculum.courses()).extracting(c -> c.days().size()).containsExactly(2, 5, 3, 5);
        assertThat(curriculum.course("advanced").orElseThrow().prerequisites()).containsExactly("core");
        assertThat(curriculum.course("train-the-trainer").orElseThrow().prerequisites())
                .containsExactly("core");
        curriculum
                .courses()
                .forEach(c -> assertThat(curriculum.modulesOf(c))
                        .as(c.id())
                        .hasSizeGreaterThan(c.days().size()));
    }

    @Test
    void everyCoreTopicAndOutcomeIsCoveredAndTheMapIsPrinted() {
        Map<String, List<String>> topics = curriculum.coverage(false);
        Map<String, List<String>> outcomes = curriculum.coverage(true);
        System.out.println("Core topic -> modules");
        topics.forEach((topic, modules) -> System.out.println("  " + topic + " -> " + String.join(", ", modules)));
        System.out.println("Core outcome -> modules");
        outcomes.forEach(
                (outcome, modules) -> System.out.println("  " + outcome + " -> " + String.join(", ", modules)));
        assertThat(topics)
                .hasSize(16)
                .allSatisfy((topic, modules) -> assertThat(modules).as(topic).isNotEmpty());
        assertThat(outcomes)
                .hasSize(13)
                .allSatisfy(
                        (outcome, modules) -> assertThat(modules).as(outcome).isNotEmpty());
    }

    @Test
    void theCardBanksMeetTheirCounts() {
        assertThat(curriculum.scenarios()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(curriculum.scenarios().stream()
                        .map(Curriculum.Scenario::setting)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Curriculum.SETTINGS);
        assertThat(curriculum.reframes()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(curriculum.prompts()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(curriculum.prompts()).extracting(Curriculum.Prompt::kind).contains("check-in", "check-out");
        assertThat(curriculum.lexicon()).hasSizeGreaterThanOrEqualTo(80);
    }

    @Test
    void trainTheTrainerTeachesBackEveryCoreTopic() {
        var teachBacks = curriculum
                .modulesOf(curriculum.course("train-the-trainer").orElseThrow())
                .stream()
                .flatMap(m -> m.activities().stream())
                .filter(a -> "teach-back".equals(a.kind()))
                .map(Curriculum.Activity::teachBack)
                .collect(Collectors.toSet());
        assertThat(teachBacks).containsAll(curriculum.coreTopics().keySet());
    }

    @Test
    void theFourStageStoryIsCreditedToBethFilsonWhereverItIsWalked() {
        for (String id : List.of("core-four-stage-story", "intro-what-happened")) {
            Curriculum.Module module = curriculum.module(id).orElseThrow();
            assertThat(module.notes()).as(id).contains("Beth Filson");
        }
    }

    @Test
    void everyRolePlayStatesItsSetUpRoundsAndDebrief() {
        List<String> missing = new java.util.ArrayList<>();
        for (Curriculum.Module module : curriculum.modules().values()) {
            List<Curriculum.Activity> activities = module.activities();
            for (int i = 0; i < activities.size(); i++) {
                Curriculum.Activity a = activities.get(i);
                if (!"role-play".equals(a.kind())) {
                    continue;
                }
                Curriculum.Parts parts = a.parts();
                if (parts == null || parts.round() == null) {
                    missing.add(module.id() + ": no parts");
                    continue;
                }
                if ("scenarios".equals(a.bank()) && (parts.setup() == null || parts.setup() < 5)) {
                    missing.add(module.id() + ": under 5 minutes to form groups and read the cards");
                }
                if (parts.round() < 8) {
                    missing.add(module.id() + ": rounds under 8 minutes");
                }
                boolean debriefAfter = i + 1 < activities.size()
                        && List.of("discussion", "co-reflection")
                                .contains(activities.get(i + 1).kind());
                if (!debriefAfter && (parts.debrief() == null || parts.debrief() < 5)) {
                    missing.add(module.id() + ": no debrief, in the activity or after it");
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void coreRolePlaysLeaveTimeToSetUpAndIntroductionPractisesEveryRoleOnItsSecondDay() {
        for (Curriculum.Module m :
                curriculum.modulesOf(curriculum.course("core").orElseThrow())) {
            m.activities().stream()
                    .filter(a -> "role-play".equals(a.kind()) && a.rounds() != null && a.rounds() == 3)
                    .forEach(a -> assertThat(a.parts().setup() + 2 * a.parts().changeover())
                            .as(m.id())
                            .isGreaterThanOrEqualTo(9));
        }
        Curriculum.Activity limits = curriculum.module("intro-boundaries-mutuality").orElseThrow().activities().stream()
                .filter(a -> "role-play".equals(a.kind()))
                .findFirst()
                .orElseThrow();
        assertThat(limits.rounds()).isEqualTo(limits.groupSize());
    }

    @Test
    void noCoreDayRunsTwoThreeRoundRolePlays() {
        for (Curriculum.Day day : curriculum.course("core").orElseThrow().days()) {
            long threeRound = day.agenda().stream()
                    .filter(i -> i.module() != null)
                    .flatMap(i -> curriculum.module(i.module()).orElseThrow().activities().stream())
                    .filter(a -> "role-play".equals(a.kind()) && a.rounds() != null && a.rounds() >= 3)
                    .count();
            assertThat(threeRound).as(day.title()).isLessThanOrEqualTo(1);
        }
    }

    @Test
    void modulesThatOverranNowListEveryPartOfTheirSlot() {
        for (String id : List.of("core-closing", "adv-crisis-connect", "core-principles")) {
            Curriculum.Module m = curriculum.module(id).orElseThrow();
            assertThat(m.activities().stream()
                            .mapToInt(Curriculum.Activity::minutes)
                            .sum())
                    .as(id)
                    .isEqualTo(m.minutes());
        }
        Curriculum.Activity framework =
                curriculum.module("core-principles").orElseThrow().activities().get(0);
        assertThat(framework.minutes()).isGreaterThanOrEqualTo(15);
        assertThat(framework.title()).contains("principles and tasks");
    }

    @Test
    void mutualityIsTaughtAsTwoWay() {
        String notes = curriculum.module("core-mutuality").orElseThrow().notes();
        assertThat(notes)
                .contains("Both people's needs count")
                .doesNotContain("not about the peer supporter getting their emotional needs met");
    }

    @Test
    void everyScenarioTouchingHardThemesCarriesAContentNote() {
        List<String> missing = curriculum.scenarios().stream()
                .filter(s -> s.contentNote() == null)
                .filter(s -> (s.shared() + " " + String.join(" ", s.roles().values()))
                        .toLowerCase()
                        .matches("(?s).*\\b(suicid\\w*|self-harm\\w*|restrain\\w*|abus\\w*|overdos\\w*)\\b.*"))
                .map(Curriculum.Scenario::id)
                .toList();
        assertThat(missing)
                .as("scenarios naming a hard theme without a content note")
                .isEmpty();
    }
}
