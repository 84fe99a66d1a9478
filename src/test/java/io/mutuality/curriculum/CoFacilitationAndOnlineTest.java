package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every Core module says how two trainers share it; every course says how it runs online. */
class CoFacilitationAndOnlineTest {

    private static final Path REPOSITORY = Path.of("curriculum").toAbsolutePath();

    @TempDir
    Path copy;

    @Test
    void everyCoreModuleSaysWhoLeadsWhichPart() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        for (Curriculum.Module module :
                curriculum.modulesOf(curriculum.course("core").orElseThrow())) {
            assertThat(module.coFacilitation()).as(module.id()).isNotBlank().hasSizeGreaterThan(80);
        }
    }

    @Test
    void aCoreModuleWithoutCoFacilitationNotesIsRefused() throws IOException {
        copyRepository();
        Path file = copy.resolve("modules/core-opening.md");
        String text = Files.readString(file);
        String without = text.replaceAll("(?s)coFacilitation: >-\\n(  .*?\\n)+(?=materials:|activities:)", "");
        assertThat(without).isNotEqualTo(text).doesNotContain("coFacilitation");
        Files.writeString(file, without);
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly(
                                "modules/core-opening.md:2: a Core module needs coFacilitation: who leads which"
                                        + " part, and how two trainers hand over"));
    }

    @Test
    void everyCourseHasNotesForRunningItOnline() {
        Curriculum curriculum = new CurriculumLoader().load(REPOSITORY);
        for (Course course : curriculum.courses()) {
            assertThat(curriculum.onlineNotes(course.id()))
                    .as(course.id())
                    .hasValueSatisfying(notes -> assertThat(notes)
                            .startsWith("# Running")
                            .contains("breakout")
                            .containsIgnoringCase("step"));
        }
    }

    @Test
    void anEmptyOnlineNoteIsRefused() throws IOException {
        copyRepository();
        Files.writeString(copy.resolve("online/advanced.md"), "\n");
        assertThatThrownBy(() -> new CurriculumLoader().load(copy))
                .isInstanceOf(CurriculumException.class)
                .satisfies(e -> assertThat(((CurriculumException) e).problems())
                        .extracting(Object::toString)
                        .containsExactly("online/advanced.md:1: is empty: write it, or remove the file"));
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
