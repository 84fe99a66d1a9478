package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The JSON Schemas trainers' editors use agree with the files the application accepts. */
class CurriculumSchemaTest {

    private static final Path ROOT = Path.of("curriculum");
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private JsonSchema schema(String name) throws IOException {
        return factory.getSchema(Files.readString(ROOT.resolve("schema").resolve(name)));
    }

    private List<String> validate(String schemaName, Path file, String yaml, int firstLine) throws IOException {
        LocatedYaml doc = LocatedYaml.parse(ROOT.relativize(file).toString(), yaml, firstLine);
        Set<ValidationMessage> messages = schema(schemaName).validate(doc.tree);
        List<String> problems = new ArrayList<>();
        messages.forEach(m -> problems.add(doc.file + ": " + m.getMessage()));
        return problems;
    }

    @Test
    void everyCurriculumFileMatchesItsSchema() throws IOException {
        List<String> problems = new ArrayList<>();
        problems.addAll(validate(
                "index.schema.json",
                ROOT.resolve("curriculum.yaml"),
                Files.readString(ROOT.resolve("curriculum.yaml")),
                1));
        try (Stream<Path> courses = Files.list(ROOT.resolve("courses"))) {
            for (Path course : courses.toList()) {
                problems.addAll(validate("course.schema.json", course, Files.readString(course), 1));
            }
        }
        Pattern frontMatter = Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);
        int modules = 0;
        try (Stream<Path> files = Files.list(ROOT.resolve("modules"))) {
            for (Path module : files.toList()) {
                Matcher matcher = frontMatter.matcher(Files.readString(module));
                assertThat(matcher.find()).as(module + " has front matter").isTrue();
                problems.addAll(validate("module.schema.json", module, matcher.group(1), 2));
                modules++;
            }
        }
        int materials = 0;
        try (Stream<Path> files = Files.list(ROOT.resolve("materials"))) {
            for (Path material : files.toList()) {
                Matcher matcher = frontMatter.matcher(Files.readString(material));
                assertThat(matcher.find()).as(material + " has front matter").isTrue();
                problems.addAll(validate("material.schema.json", material, matcher.group(1), 2));
                materials++;
            }
        }
        assertThat(materials).isGreaterThanOrEqualTo(20);
        assertThat(validate(
                        "material.schema.json", ROOT.resolve("materials/x.md"), "id: x\ntitle: X\nkind: poster\n", 2))
                .isNotEmpty();
        for (String bank : new String[] {"scenarios", "reframes", "prompts", "lexicon"}) {
            Path file = ROOT.resolve("banks").resolve(bank + ".yaml");
            problems.addAll(validate(bank + ".schema.json", file, Files.readString(file), 1));
        }
        assertThat(modules).isGreaterThanOrEqualTo(70);
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemasRefuseWhatTheLoaderRefuses() throws IOException {
        String broken = """
                id: core
                title: Core
                version: 2026.1
                lengthDays: 1
                audience: anyone
                summary: all of it
                lenghtDays: 2
                days:
                  - title: One
                    starts: "9:30"
                    ends: "16:30"
                    agenda:
                      - module: core-x
                        at: "09:30"
                        minutes: 30
                """;
        List<String> problems = validate("course.schema.json", ROOT.resolve("courses/core.yaml"), broken, 1);
        assertThat(String.join("\n", problems)).contains("lenghtDays").contains("starts");

        String round = """
                id: core-x
                title: X
                minutes: 30
                learningOutcomes: [Something.]
                summary: Something.
                activities:
                  - kind: round
                    minutes: 20
                    groupSize: 2
                  - kind: discussion
                    minutes: 10
                    groupSize: 2
                """;
        List<String> roundProblems = validate("module.schema.json", ROOT.resolve("modules/core-x.md"), round, 2);
        assertThat(roundProblems).isNotEmpty().allMatch(p -> p.contains("activities/0") || p.contains("activities[0]"));
    }
}
