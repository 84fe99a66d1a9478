package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's coverage map: each task, principle, topic and outcome with the Core modules that teach it, read from the
 * agendas, and the minutes of direct teaching and practice (activities whose focus names it). The loader refuses a
 * Core where anything the index's coreDepth lists gets under its minutes.
 */
class CoverageMapTest {

    private static final Path REPOSITORY = Path.of("curriculum").toAbsolutePath();
    private static final List<String> DEEP = List.of(
            "connection",
            "worldview",
            "mutuality",
            "moving-towards",
            "learning",
            "relationship",
            "hope",
            "trauma-impact",
            "own-experience",
            "relational-safety");

    @TempDir
    Path copy;

    @Test
    void theMapIsPrintedAndEveryTaskPrincipleAndTraumaHasFortyFiveMinutesOrMore() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        List<CoverageMap.Entry> map = CoverageMap.of(curriculum);
        System.out.println(CoverageMap.print(map));
        Map<String, CoverageMap.Entry> byId =
                map.stream().collect(Collectors.toMap(CoverageMap.Entry::id, Function.identity()));
        assertThat(curriculum.coreDepth().minutes()).isEqualTo(45);
        assertThat(curriculum.coreDepth().focus()).containsExactlyInAnyOrderElementsOf(DEEP);
        for (String id : DEEP) {
            assertThat(byId.get(id).direct()).as(id).isGreaterThanOrEqualTo(45);
        }
        assertThat(map)
                .filteredOn(e -> e.kind().equals("topic"))
                .hasSize(curriculum.coreTopics().size())
                .allSatisfy(e -> assertThat(e.slots()).as(e.id()).isNotEmpty());
        assertThat(map)
                .filteredOn(e -> e.kind().equals("outcome"))
                .hasSize(curriculum.coreOutcomes().size())
                .allSatisfy(e -> assertThat(e.slots()).as(e.id()).isNotEmpty());
        assertThat(CoverageMap.shortfalls(curriculum)).isEmpty();
    }

    @Test
    void theMinutesComeFromTheAgendaAndTheActivities() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        CoverageMap.Entry hope = CoverageMap.of(curriculum).stream()
                .filter(e -> e.id().equals("hope"))
                .findFirst()
                .orElseThrow();
        int expected = 0;
        for (Curriculum.Day day : curriculum.course("core").orElseThrow().days()) {
            for (Curriculum.AgendaItem item : day.agenda()) {
                if (item.module() != null) {
                    expected += curriculum.module(item.module()).orElseThrow().activities().stream()
                            .filter(a -> a.focus().contains("hope"))
                            .mapToInt(Curriculum.Activity::minutes)
                            .sum();
                }
            }
        }
        assertThat(hope.direct()).isEqualTo(expected);
        CoverageMap.Slot fearToHope = hope.slots().stream()
                .filter(s -> s.module().equals("core-fear-to-hope"))
                .findFirst()
                .orElseThrow();
        assertThat(fearToHope.day()).isEqualTo(1);
        assertThat(fearToHope.at()).isEqualTo("14:00");
        assertThat(fearToHope.minutes()).isEqualTo(45);
        assertThat(CoverageMap.print(List.of(hope)))
                .contains("hope - From fear to hope", "day 1 14:00  core-fear-to-hope (45 min, 45 direct)");
    }

    @Test
    void aCoreWithoutItsModuleOnAPrincipleIsRefused() throws IOException {
        copyRepository();
        replace(
                "courses/core.yaml",
                "      - module: core-fear-to-hope\n        at: \"14:00\"",
                "      - break: A long walk\n        at: \"14:00\"\n        minutes: 45");
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .anyMatch(p -> p.startsWith("curriculum.yaml:")
                                && p.contains("hope has 25 minutes of direct teaching" + " and practice in Core")
                                && p.contains("under 45"))
                        .anyMatch(p -> p.contains("relational-safety has 20 minutes")));
    }

    @Test
    void aFocusMustBeATaskPrincipleOrTopic() throws IOException {
        copyRepository();
        replace(
                "modules/core-own-experience.md",
                "focus: [own-experience, connection]",
                "focus: [own-experience, courage]");
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .anyMatch(p -> p.startsWith("modules/core-own-experience.md:")
                                && p.contains("unknown focus" + " (a task, principle or Core topic) 'courage'")));
    }

    private void copyRepository() throws IOException {
        try (Stream<Path> files = Files.walk(REPOSITORY)) {
            for (Path from : files.toList()) {
                Path to = copy.resolve(REPOSITORY.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
