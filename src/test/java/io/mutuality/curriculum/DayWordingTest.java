package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Words about time fit when the modules run: no weekday names, no "tomorrow" of a session that runs today. */
class DayWordingTest {

    private static final Path REPOSITORY = Path.of("curriculum").toAbsolutePath();

    @TempDir
    Path copy;

    @Test
    void theRepositoryCurriculumSpeaksOfDaysAsTheAgendasRunThem() {
        Curriculum curriculum = new CurriculumLoader().load(CurriculumSource.directory(REPOSITORY));
        assertThat(DayWording.check(curriculum)).isEmpty();
    }

    @Test
    void aBrokenCopyIsCaughtAndWordsThatFitAreLeftAlone() throws IOException {
        copyRepository();
        // the errors a trainer found, put back
        append("core-mutuality", "Those differences are what we talk about, and that is this afternoon's work.");
        append("core-power-and-privilege", "Tomorrow's challenge of holding multiple truths starts here.");
        append("core-principles", "Wednesday is mutuality, with power and limits.");
        append("core-opening", "Yesterday we met for the first time.");
        append("core-closing", "Tomorrow we pick this up again.");
        append("core-untold-story", "On day six we rest.");
        append("core-connection", "The agreements stay on the wall all week.");
        replace(
                "banks/prompts.yaml",
                "Something small that went all right for you lately.",
                "Something small that went all right since we last met.");
        // words that fit: a session named that runs then, and a day-relative phrase
        append("core-worldview", "This afternoon, the four-stage story takes this further.");
        append("core-boundaries-and-limits", "Earlier today, the session on power and privilege prepared this ground.");
        append("core-language-lens", "On the third day, power and privilege returns to it.");

        List<String> found = DayWording.check(new CurriculumLoader().load(CurriculumSource.directory(copy))).stream()
                .map(f -> f.where() + " " + f.words())
                .toList();

        assertThat(found)
                .containsExactlyInAnyOrder(
                        "modules/core-mutuality.md this afternoon",
                        "modules/core-power-and-privilege.md Tomorrow",
                        "modules/core-principles.md Wednesday",
                        "modules/core-opening.md Yesterday",
                        "modules/core-closing.md Tomorrow",
                        "modules/core-untold-story.md day six",
                        "modules/core-connection.md all week",
                        "banks/prompts.yaml (checkin-small-good-thing) since we last met");
    }

    @Test
    void theFindingSaysWhenTheModuleRunsAndWhatItNamed() throws IOException {
        copyRepository();
        append("core-power-and-privilege", "Tomorrow's challenge of holding multiple truths starts here.");
        DayWording.Finding finding = DayWording.check(new CurriculumLoader().load(CurriculumSource.directory(copy)))
                .get(0);
        assertThat(finding.toString())
                .isEqualTo("modules/core-power-and-privilege.md: \"Tomorrow\": the sentence names "
                        + "core-the-challenges (day 3, 15:45), which does not run then (core day 3, 10:45)");
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

    private void append(String module, String sentence) throws IOException {
        Path file = copy.resolve("modules/" + module + ".md");
        Files.writeString(file, Files.readString(file) + "\n" + sentence + "\n");
    }

    private void replace(String file, String from, String to) throws IOException {
        Path path = copy.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
