package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The curricula in the repository load, and broken files are named precisely. */
class CurriculumLoaderTest {

    private final CurriculumLoader loader = new CurriculumLoader();

    @TempDir
    Path dir;

    private void write(String file, String text) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void validTwoCourses() throws IOException {
        write("curriculum.yaml", "courses:\n  - core\n  - advanced\n");
        write("courses/core.yaml", """
                id: core
                title: Core
                lengthDays: 5
                audience: anyone
                summary: the whole framework
                prerequisites: []
                """);
        write("courses/advanced.yaml", """
                id: advanced
                title: Advanced
                lengthDays: 3
                audience: people who did Core
                summary: deeper practice
                prerequisites: [core]
                """);
    }

    @Test
    void theRepositoryCurriculaLoad() {
        Map<String, Course> courses = loader.load(CurriculumSource.directory(Path.of("curriculum").toAbsolutePath()));
        assertThat(courses.keySet()).containsExactly("introduction", "core", "advanced", "train-the-trainer");
        assertThat(courses.get("introduction").lengthDays()).isEqualTo(2);
        assertThat(courses.get("core").lengthDays()).isEqualTo(5);
        assertThat(courses.get("advanced").lengthDays()).isEqualTo(3);
        assertThat(courses.get("train-the-trainer").lengthDays()).isEqualTo(5);
        assertThat(courses.get("advanced").prerequisites()).containsExactly("core");
        assertThat(courses.get("train-the-trainer").prerequisites()).containsExactly("core");
    }

    @Test
    void aValidDirectoryLoadsInIndexOrder() throws IOException {
        validTwoCourses();
        assertThat(loader.load(CurriculumSource.directory(dir)).keySet()).containsExactly("core", "advanced");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws IOException {
        validTwoCourses();
        write("courses/advanced.yaml", "id: advanced\ntitle: \"Advanced\nlengthDays: 3\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .isInstanceOf(CurriculumException.class)
                .hasMessageStartingWith("courses/advanced.yaml:2: ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void anUnknownFieldIsNamedWithItsLine() throws IOException {
        validTwoCourses();
        write("courses/core.yaml", "id: core\ntitle: Core\nlenghtDays: 5\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .hasMessage("courses/core.yaml:3: unknown field 'lenghtDays'");
    }

    @Test
    void aWrongTypeNamesTheField() throws IOException {
        validTwoCourses();
        write("courses/core.yaml", "id: core\ntitle: Core\nlengthDays: five\naudience: a\nsummary: s\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .hasMessageStartingWith("courses/core.yaml:3: field 'lengthDays' has the wrong type");
    }

    @Test
    void aMissingCourseFileIsNamed() throws IOException {
        validTwoCourses();
        write("curriculum.yaml", "courses: [core, advanced, refresher]\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .hasMessage("courses/refresher.yaml: file not found");
    }

    @Test
    void missingFieldsAndImpossibleLengthsAreListed() throws IOException {
        validTwoCourses();
        write("courses/core.yaml", "id: core\nlengthDays: 0\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .hasMessageStartingWith("courses/core.yaml: ")
                .hasMessageContaining("title is missing")
                .hasMessageContaining("audience is missing")
                .hasMessageContaining("lengthDays must be between 1 and 10, not 0");
    }

    @Test
    void anIdMustMatchItsFile() throws IOException {
        validTwoCourses();
        write("courses/core.yaml", "id: kore\ntitle: Core\nlengthDays: 5\naudience: a\nsummary: s\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .hasMessageContaining("id is 'kore' but the file is named for 'core'");
    }

    @Test
    void aPrerequisiteMustBeAKnownCourse() throws IOException {
        validTwoCourses();
        write("curriculum.yaml", "courses: [advanced]\n");
        assertThatThrownBy(() -> loader.load(CurriculumSource.directory(dir)))
                .hasMessage("courses/advanced.yaml: prerequisite 'core' is not a course in curriculum.yaml");
    }

    @Test
    void aPathOutsideTheDirectoryIsNotRead() throws IOException {
        write("curriculum.yaml", "courses: [core]\n");
        assertThat(CurriculumSource.directory(dir).open("../../etc/passwd")).isEmpty();
    }
}
