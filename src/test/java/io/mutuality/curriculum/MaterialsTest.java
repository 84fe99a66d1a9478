package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Printable materials: every one a module lists exists, every one that exists is listed and used. */
class MaterialsTest {

    private static final Path REPOSITORY = Path.of("curriculum").toAbsolutePath();

    @TempDir
    Path copy;

    @Test
    void everyMaterialFileIsInTheIndexAndUsedAndEveryModuleFindsItsOwn() throws IOException {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        List<String> files;
        try (Stream<Path> list = Files.list(REPOSITORY.resolve("materials"))) {
            files = list.map(f -> f.getFileName().toString().replaceFirst("\\.md$", ""))
                    .sorted()
                    .toList();
        }
        assertThat(curriculum.materials().keySet()).containsExactlyInAnyOrderElementsOf(files);
        for (Curriculum.Material material : curriculum.materials().values()) {
            assertThat(curriculum.modules().values())
                    .as(material.id())
                    .anyMatch(m -> m.printables().contains(material.id()));
            assertThat(material.markdown()).as(material.id()).isNotBlank();
        }
        Curriculum.Module worldview = curriculum.module("core-worldview").orElseThrow();
        assertThat(curriculum.materialsOf(worldview))
                .extracting(Curriculum.Material::kind)
                .containsExactly("cards");
    }

    @Test
    void theHandMadeThingsTheNotesAskForArePrintable() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        for (String[] pair : new String[][] {
            {"core-worldview", "worldview-belief-cards"},
            {"core-power-and-privilege", "power-situation-cards"},
            {"core-crisis-alternatives", "crisis-pitfall-cards"},
            {"ttt-pacing-and-silence", "room-situation-cards"},
            {"ttt-preparing-a-teach-back", "teach-back-planning-sheet"},
            {"core-language-lens", "made-up-note"},
            {"intro-beyond-problem-solving", "fixing-reply-cards"}
        }) {
            assertThat(curriculum.module(pair[0]).orElseThrow().printables())
                    .as(pair[0])
                    .contains(pair[1]);
        }
    }

    @Test
    void aModuleListingAMaterialThatIsNotThereIsRefused() throws IOException {
        copyRepository();
        replace(
                "modules/core-worldview.md",
                "printables: [worldview-belief-cards]",
                "printables: [worldview-belief-cards, tea-towels]");
        assertThat(problems())
                .contains("modules/core-worldview.md:26: material 'tea-towels' is not one of the materials in"
                        + " curriculum.yaml (materials/tea-towels.md)");
    }

    @Test
    void aMaterialNoModuleUsesIsRefused() throws IOException {
        copyRepository();
        replace("modules/core-worldview.md", "printables: [worldview-belief-cards]\n", "");
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("curriculum.yaml:")
                .endsWith(
                        "material 'worldview-belief-cards' is used by no module (list it in a module's printables, or remove it)");
    }

    @Test
    void aListedMaterialWithoutItsFileOrWithOneCardIsRefused() throws IOException {
        copyRepository();
        Files.delete(copy.resolve("materials/fear-cards.md"));
        Files.writeString(
                copy.resolve("materials/moment-cards.md"),
                "---\nid: moment-cards\ntitle: Moments\nkind: cards\n---\n## Only one\n");
        assertThat(problems())
                .contains(
                        "materials/fear-cards.md: file not found",
                        "materials/moment-cards.md: a set of cards has at least two, each starting with a '## ' heading");
    }

    private List<String> problems() {
        try {
            new CurriculumLoader().load(copy);
        } catch (CurriculumException e) {
            return e.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("the broken copy loaded");
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
