package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenarios say what they are about and how heavy they are; the sensitive ones carry a content note. */
class ScenarioThemesTest {

    private static final Path REPOSITORY = Path.of("curriculum").toAbsolutePath();

    @TempDir
    Path copy;

    @Test
    void theseThemesRequireAContentNote() {
        assertThat(Curriculum.SENSITIVE_THEMES)
                .containsExactlyInAnyOrder(
                        "crisis",
                        "suicide",
                        "self-harm",
                        "coercion",
                        "abuse",
                        "bereavement",
                        "substance-use",
                        "discrimination",
                        "past-trauma",
                        "perinatal");
        assertThat(Curriculum.THEMES)
                .containsAll(Curriculum.SENSITIVE_THEMES)
                .contains("limit", "planning-ahead", "big-feelings", "disclosure", "power");
    }

    @Test
    void everyScenarioInTheBankHasThemesAnIntensityAndItsContentNote() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        assertThat(curriculum.scenarios()).allSatisfy(s -> {
            assertThat(s.themes()).as(s.id()).isNotEmpty();
            assertThat(Curriculum.INTENSITIES).as(s.id()).contains(s.intensity());
            if (s.themes().stream().anyMatch(Curriculum.SENSITIVE_THEMES::contains)) {
                assertThat(s.contentNote()).as(s.id()).isNotBlank();
            }
        });
        assertThat(curriculum.scenarios().stream().filter(s -> s.themes().contains("limit")))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(curriculum.scenarios().stream().filter(s -> s.themes().contains("planning-ahead")))
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(curriculum.scenarios())
                .extracting(Curriculum.Scenario::intensity)
                .contains("light", "moderate", "heavy");
    }

    @Test
    void aBrokenCopyWithoutItsContentNoteIsRefused() throws IOException {
        copyRepository();
        Path bank = copy.resolve("banks/scenarios.yaml");
        String text = Files.readString(bank);
        String note =
                "    contentNote: Mentions thoughts of suicide, and police being sent to someone's home in the past.\n";
        assertThat(text).contains(note);
        Files.writeString(bank, text.replace(note, ""));
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .anyMatch(
                                p -> p.matches("banks/scenarios\\.yaml:\\d+: a scenario about suicide, crisis, coercion"
                                        + " needs a contentNote, shown before it opens")));
    }

    @Test
    void unknownThemesAMissingIntensityAndThemesOnADiscussionAreNamed() throws IOException {
        copyRepository();
        Path bank = copy.resolve("banks/scenarios.yaml");
        Files.writeString(
                bank,
                Files.readString(bank)
                        .replaceFirst(
                                "    themes: \\[disconnection, differing-views\\]\n    intensity: light\n",
                                "    themes: [gossip]\n"));
        Path module = copy.resolve("modules/core-worldview.md");
        Files.writeString(
                module,
                Files.readString(module)
                        .replace(
                                "    title: Tracing a belief, in pairs\n",
                                "    title: Tracing a belief, in pairs\n    themes: [limit]\n"));
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .anyMatch(p -> p.contains("unknown theme 'gossip'"))
                        .anyMatch(p -> p.contains("intensity is light, moderate, heavy, not 'null'"))
                        .anyMatch(p -> p.startsWith("modules/core-worldview.md:")
                                && p.endsWith("only a role-play draws scenarios by theme")));
    }

    @Test
    void aModuleDrawsScenariosOnItsThemesThenByTask() {
        Curriculum.Scenario limit = scenario("limit-one", List.of("mutuality"), List.of("limit"));
        Curriculum.Scenario plan = scenario("plan-one", List.of("moving-towards"), List.of("planning-ahead"));
        Curriculum.Scenario both = scenario("both", List.of("connection"), List.of("limit", "planning-ahead"));
        List<Curriculum.Scenario> pool = List.of(limit, plan, both);
        assertThat(Curriculum.scenariosFor(pool, List.of("moving-towards"), List.of("limit")))
                .extracting(Curriculum.Scenario::id)
                .containsExactly("limit-one", "both");
        assertThat(Curriculum.scenariosFor(pool, List.of("moving-towards"), List.of("power")))
                .as("no scenario on the theme: by task")
                .extracting(Curriculum.Scenario::id)
                .containsExactly("plan-one");
        assertThat(Curriculum.scenariosFor(pool, List.of("moving-towards"), List.of()))
                .extracting(Curriculum.Scenario::id)
                .containsExactly("plan-one");
        assertThat(Curriculum.scenariosFor(pool, List.of(), null)).hasSize(3);
    }

    private static Curriculum.Scenario scenario(String id, List<String> tasks, List<String> themes) {
        return new Curriculum.Scenario(
                id,
                id,
                "online",
                tasks,
                themes,
                "light",
                null,
                "Shared.",
                Map.of("person-sharing", "A", "peer-supporter", "B"));
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
}
