package io.mutuality.curriculum;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks a curriculum folder from the command line, with the same rules the application
 * applies at start-up. For trainers editing the files:
 *
 * <pre>./mvnw -q compile exec:java -Dexec.mainClass=io.mutuality.curriculum.CurriculumCheck -Dexec.args=curriculum</pre>
 *
 * Prints what it loaded, or every problem with its file and line, and exits 1 on problems; then checks
 * that words about time fit when the modules run ({@link DayWording}).
 */
public final class CurriculumCheck {

    private CurriculumCheck() {}

    public static void main(String[] args) {
        Path root = Path.of(args.length > 0 ? args[0] : "curriculum").toAbsolutePath();
        if (!Files.isDirectory(root)) {
            System.err.println(root + " is not a folder");
            System.exit(2);
        }
        try {
            Curriculum curriculum = new CurriculumLoader().load(CurriculumSource.directory(root));
            System.out.println("The curriculum in " + root + " is ready:");
            curriculum
                    .courses()
                    .forEach(c -> System.out.printf(
                            "  %-18s version %-8s %d days, %d modules%n",
                            c.id(),
                            c.version(),
                            c.lengthDays(),
                            curriculum.modulesOf(c).size()));
            System.out.printf(
                    "  banks: %d scenarios, %d reframes, %d prompts, %d lexicon terms%n",
                    curriculum.scenarios().size(),
                    curriculum.reframes().size(),
                    curriculum.prompts().size(),
                    curriculum.lexicon().size());
            var wording = DayWording.check(curriculum);
            if (!wording.isEmpty()) {
                System.err.println("Words about time that do not fit when the modules run:");
                wording.forEach(f -> System.err.println("  " + f));
                System.exit(1);
            }
        } catch (CurriculumException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
