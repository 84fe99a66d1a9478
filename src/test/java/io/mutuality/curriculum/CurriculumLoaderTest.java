package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken curriculum files are reported with the file, the line and what is wrong. */
class CurriculumLoaderTest {

    private final CurriculumLoader loader = new CurriculumLoader();

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private static String module(String id, int minutes, String activities) {
        return """
                ---
                id: %s
                title: A module
                minutes: %d
                tasks: [connection]
                topics: [four-tasks]
                outcomes: [seeks-connection]
                learningOutcomes:
                  - Something people can do afterwards.
                summary: What participants read.
                activities:
                %s
                coFacilitation: One trainer leads the first part, the other the second, and they hand over at the break.
                ---

                Notes for the trainer.
                """.formatted(id, minutes, activities);
    }

    /** A small valid curriculum: one Core course of one day, two modules, tiny banks. */
    @BeforeEach
    void validCurriculum() throws IOException {
        write("curriculum.yaml", """
                courses: [core]
                banks:
                  scenarios: banks/scenarios.yaml
                  reframes: banks/reframes.yaml
                  prompts: banks/prompts.yaml
                  lexicon: banks/lexicon.yaml
                coreTopics:
                  four-tasks: The four tasks
                coreOutcomes:
                  seeks-connection: seek connection
                """);
        write("courses/core.yaml", """
                id: core
                title: Core
                version: 2026.1
                lengthDays: 1
                audience: anyone
                summary: the whole framework
                prerequisites: []
                days:
                  - title: Day one
                    starts: "09:30"
                    ends: "12:00"
                    agenda:
                      - module: core-arriving
                        at: "09:30"
                      - break: Morning tea
                        at: "10:30"
                        minutes: 15
                      - module: core-practice
                        at: 10:45
                """);
        write("modules/core-arriving.md", module("core-arriving", 60, """
                  - kind: check-in
                    minutes: 20
                    bank: prompts
                    cards: [checkin-weather]
                """));
        write("modules/core-practice.md", module("core-practice", 75, """
                  - kind: role-play
                    minutes: 60
                    bank: scenarios
                    groupSize: 3
                    roles: [person-sharing, peer-supporter, observer]
                    rounds: 3
                """));
        write("banks/scenarios.yaml", """
                scenarios:
                  - id: respite-night
                    title: Awake at night
                    setting: peer-respite
                    tasks: [connection]
                    themes: [disconnection]
                    intensity: light
                    shared: Someone cannot sleep.
                    roles:
                      person-sharing: You have had a long week.
                      peer-supporter: You are tired too.
                """);
        write("banks/reframes.yaml", """
                reframes:
                  - id: reframe-noncompliant
                    statement: He is non-compliant.
                    pattern: clinical-label
                    rewrites: [He stopped the tablets; I wonder why.]
                """);
        write("banks/prompts.yaml", """
                prompts:
                  - id: checkin-weather
                    kind: check-in
                    text: What weather are you today? You can pass.
                """);
        write("banks/lexicon.yaml", """
                terms:
                  - term: non-compliant
                    variants: [noncompliant]
                    category: clinical
                    why: It makes a choice sound like disobedience.
                    alternatives: [has chosen not to]
                """);
    }

    private List<String> problems() {
        try {
            loader.load(CurriculumSource.directory(dir));
        } catch (CurriculumException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("expected the curriculum to be refused");
    }

    @Test
    void aValidCurriculumLoadsWithUnquotedTimesReadAsTimes() {
        Curriculum curriculum = loader.load(CurriculumSource.directory(dir));
        Course core = curriculum.course("core").orElseThrow();
        assertThat(core.days().get(0).agenda().get(2).at()).isEqualTo("10:45");
        assertThat(curriculum.modulesOf(core))
                .extracting(Curriculum.Module::id)
                .containsExactly("core-arriving", "core-practice");
        assertThat(curriculum.module("core-arriving").orElseThrow().notes()).isEqualTo("Notes for the trainer.");
        assertThat(curriculum.coverage(false)).containsEntry("four-tasks", List.of("core-arriving", "core-practice"));
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        write("courses/core.yaml", "id: core\ntitle: \"Core\nversion: 1\n");
        assertThat(problems()).singleElement().asString().startsWith("courses/core.yaml:2: is not valid YAML");
    }

    @Test
    void malformedFrontMatterNamesTheLineInTheModuleFile() throws IOException {
        write("modules/core-practice.md", "---\nid: core-practice\ntitle: [unclosed\nminutes: 75\n---\nNotes\n");
        assertThat(problems())
                .anyMatch(p -> p.startsWith("modules/core-practice.md:4: is not valid YAML")
                        || p.startsWith("modules/core-practice.md:3: is not valid YAML"));
    }

    @Test
    void anUnknownActivityKindIsNamedWithItsLine() throws IOException {
        write("modules/core-practice.md", module("core-practice", 75, """
                  - kind: trust-fall
                    minutes: 30
                """));
        assertThat(problems())
                .anyMatch(p -> p.startsWith("modules/core-practice.md:12: unknown activity kind 'trust-fall'"));
    }

    @Test
    void aMissingModuleIsNamedWhereTheAgendaUsesIt() throws IOException {
        write(
                "courses/core.yaml",
                Files.readString(dir.resolve("courses/core.yaml")).replace("core-practice", "core-missing"));
        assertThat(problems())
                .contains("modules/core-missing.md: file not found")
                .anyMatch(p -> p.startsWith("courses/core.yaml:18: module 'core-missing' cannot be used"));
    }

    @Test
    void durationsThatDoNotAddUpAreNamed() throws IOException {
        write("modules/core-arriving.md", module("core-arriving", 45, """
                  - kind: check-in
                    minutes: 20
                """));
        assertThat(problems())
                .containsExactly("courses/core.yaml:16: day 1 item 2 is at 10:30 but the item before ends at 10:15");

        validCurriculum();
        write("modules/core-practice.md", module("core-practice", 90, """
                  - kind: role-play
                    minutes: 60
                """));
        assertThat(problems())
                .containsExactly(
                        "courses/core.yaml:11: day 1's agenda ends at 12:15 but the day ends at 12:00 (the durations do not add up)");
    }

    @Test
    void activitiesLongerThanTheirModuleAreNamed() throws IOException {
        write("modules/core-practice.md", module("core-practice", 75, """
                  - kind: role-play
                    minutes: 60
                  - kind: discussion
                    minutes: 30
                """));
        assertThat(problems())
                .anyMatch(p -> p.contains("core-practice.md:11: the activities take 90 minutes but the module has 75"));
    }

    @Test
    void pairAndSmallGroupWorkCarriesItsGroupSize() throws IOException {
        write("modules/core-practice.md", module("core-practice", 75, """
                  - kind: round
                    minutes: 20
                    title: Tracing a belief
                    groupSize: 2
                  - kind: discussion
                    minutes: 20
                    title: Naming it, in small groups
                  - kind: discussion
                    minutes: 20
                    title: One-way relationships, in pairs
                    groupSize: 2
                """));
        assertThat(problems())
                .contains(
                        "modules/core-practice.md:15: a round goes round the whole room; work in pairs or small groups is a"
                                + " discussion with its groupSize",
                        "modules/core-practice.md:18: 'Naming it, in small groups' is work in pairs or small groups: give its"
                                + " groupSize (2 for pairs), or the live room runs it with the whole room")
                .noneMatch(p -> p.contains(":21:") || p.contains(":20:"));
    }

    @Test
    void anActivitysPartsMustFitItsMinutes() throws IOException {
        write("modules/core-practice.md", module("core-practice", 75, """
                  - kind: role-play
                    minutes: 45
                    rounds: 3
                    parts: {setup: 6, round: 12, changeover: 2, debrief: 5}
                  - kind: discussion
                    minutes: 10
                    parts: {setup: 5, debrief: 5}
                  - kind: co-reflection
                    minutes: 15
                    parts: {setup: 2, changeover: 1}
                """));
        assertThat(problems())
                .contains(
                        "modules/core-practice.md:15: the parts take 51 minutes (set-up 6 + 3 rounds of 12 + 2 changeovers of 2"
                                + " + debrief 5) but the activity has 45",
                        "modules/core-practice.md:18: set-up and debrief take 10 of the activity's 10 minutes, leaving none for the"
                                + " activity itself",
                        "modules/core-practice.md:21: a changeover comes between rounds: give the round's minutes too");

        write("modules/core-practice.md", module("core-practice", 75, """
                  - kind: role-play
                    minutes: 51
                    rounds: 3
                    parts: {setup: 6, round: 12, changeover: 2, debrief: 5}
                  - kind: discussion
                    minutes: 15
                    parts: {setup: 5, debrief: 5}
                """));
        Curriculum curriculum = loader.load(CurriculumSource.directory(dir));
        assertThat(curriculum
                        .module("core-practice")
                        .orElseThrow()
                        .activities()
                        .get(0)
                        .parts())
                .isEqualTo(new Curriculum.Parts(6, 12, 2, 5));
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws IOException {
        write(
                "courses/core.yaml",
                Files.readString(dir.resolve("courses/core.yaml"))
                        .replace("lengthDays: 1", "lengthDays: 1\nlenghtDays: 1"));
        assertThat(problems()).contains("courses/core.yaml:5: unknown field 'lenghtDays'");
    }

    @Test
    void aCardNotInItsBankAndAnUnknownTopicAreNamed() throws IOException {
        write(
                "modules/core-arriving.md",
                module("core-arriving", 60, """
                  - kind: check-in
                    minutes: 20
                    bank: prompts
                    cards: [checkin-nonexistent]
                """).replace("topics: [four-tasks]", "topics: [four-tasks, juggling]"));
        assertThat(problems())
                .contains(
                        "modules/core-arriving.md:6: unknown Core topic 'juggling'",
                        "modules/core-arriving.md:15: card 'checkin-nonexistent' is not in the prompts bank");
    }

    @Test
    void uncoveredCoreTopicsAndOutcomesAreNamedInTheIndex() throws IOException {
        write(
                "curriculum.yaml",
                Files.readString(dir.resolve("curriculum.yaml"))
                        .replace(
                                "  four-tasks: The four tasks",
                                "  four-tasks: The four tasks\n  power-and-privilege: Power"));
        assertThat(problems())
                .contains("curriculum.yaml:9: Core topic 'power-and-privilege' is taught by no Core module");
    }

    @Test
    void bankProblemsAreNamedWithTheirLines() throws IOException {
        write("banks/reframes.yaml", """
                reframes:
                  - id: reframe-a
                    statement: She is manipulative.
                    pattern: clinical-label
                    rewrites: [She asked twice for what she needed.]
                  - id: reframe-a
                    statement: ""
                    pattern: rude
                    rewrites: []
                """);
        assertThat(problems())
                .contains(
                        "banks/reframes.yaml:6: id 'reframe-a' is used twice",
                        "banks/reframes.yaml:7: statement is missing",
                        "banks/reframes.yaml:8: unknown pattern 'rude'",
                        "banks/reframes.yaml:9: give at least one \"what happened?\" rewrite");
    }

    @Test
    void theWrongNumberOfDaysAndAnUnknownPrerequisiteAreNamed() throws IOException {
        write(
                "courses/core.yaml",
                Files.readString(dir.resolve("courses/core.yaml"))
                        .replace("lengthDays: 1", "lengthDays: 2")
                        .replace("prerequisites: []", "prerequisites: [refresher]"));
        assertThat(problems())
                .contains(
                        "courses/core.yaml:8: the course runs 2 days but 1 are described",
                        "courses/core.yaml: prerequisite 'refresher' is not a course in curriculum.yaml");
    }

    @Test
    void textWithAColonIsExplained() throws IOException {
        write(
                "modules/core-practice.md",
                module("core-practice", 75, """
                  - kind: role-play
                    minutes: 60
                """)
                        .replace(
                                "  - Something people can do afterwards.",
                                "  - Name the challenges: uncertainty and risk."));
        assertThat(problems())
                .anyMatch(p -> p.startsWith("modules/core-practice.md:9: field 'learningOutcomes.0' reads as"
                        + " 'key: value' because its text has a colon followed by a space; put the text in quotes"));
    }

    @Test
    void aPathOutsideTheDirectoryIsNotRead() {
        assertThat(CurriculumSource.directory(dir).open("../../etc/passwd")).isEmpty();
    }
}
