package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A letter per course, for people coming on it, that an organisation adapts through documented placeholders. */
class PreCourseLetterTest {

    private static final Path REPOSITORY = Path.of("curriculum").toAbsolutePath();

    @TempDir
    Path copy;

    @Test
    void everyCourseHasALetterWithThemesTheStepOutNormAccessNeedsWhatToBringAndContacts() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        for (Course course : curriculum.courses()) {
            String letter = curriculum.letter(course.id()).orElseThrow();
            assertThat(letter)
                    .as(course.id())
                    .contains(
                            "## What",
                            "## Taking part in your own way",
                            "## Access needs",
                            "## What to bring",
                            "## Reaching us",
                            "{{organisation}}",
                            "{{support contact}}",
                            "{{trainer contact}}")
                    .containsPattern("step out|step outside")
                    .containsPattern("passed|pass on");
        }
        assertThat(curriculum.letter("core").orElseThrow()).contains("trauma", "crisis", "co-reflection");
    }

    @Test
    void theLettersSpeakThePracticesLanguage() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        LanguageLens lens = new LanguageLens(curriculum.lexicon());
        for (Course course : curriculum.courses()) {
            assertThat(lens.mark(curriculum.letter(course.id()).orElseThrow()))
                    .as(course.id())
                    .isEmpty();
        }
    }

    @Test
    void everyPlaceholderIsDocumentedInTheReadme() throws IOException {
        String readme = Files.readString(REPOSITORY.resolve("README.md"));
        Curriculum.LETTER_PLACEHOLDERS
                .keySet()
                .forEach(name -> assertThat(readme).contains("`{{" + name + "}}`"));
    }

    @Test
    void anUnknownPlaceholderIsRefusedWithItsLine() throws IOException {
        copyRepository();
        Path file = copy.resolve("letters/advanced.md");
        Files.writeString(file, Files.readString(file).replace("on {{dates}} at", "on {{dates}} at {{parking}} and"));
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .singleElement()
                        .asString()
                        .startsWith("letters/advanced.md:5: unknown placeholder {{parking}}"));
    }

    @Test
    void aLetterWithoutTheSupportContactIsRefused() throws IOException {
        copyRepository();
        Path file = copy.resolve("letters/introduction.md");
        Files.writeString(file, Files.readString(file).replace("{{support contact}}", "someone"));
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly("letters/introduction.md: a letter gives the {{support contact}}"));
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
