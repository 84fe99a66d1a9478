package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The curriculum package stays readable: no source file in it grows past 500 lines. */
class PackageSizeTest {

    @Test
    void noFileInTheCurriculumPackageIsOverFiveHundredLines() throws IOException {
        Path dir = Path.of("src/main/java/io/mutuality/curriculum");
        List<String> tooLong;
        try (Stream<Path> files = Files.list(dir)) {
            tooLong = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> lines(f) > 500)
                    .map(f -> f.getFileName() + " (" + lines(f) + " lines)")
                    .toList();
        }
        assertThat(dir.resolve("CurriculumLoader.java")).exists();
        assertThat(tooLong).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
