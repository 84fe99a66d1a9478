package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server's lens marks exactly what the shared cases say (the browser's lens is held to the same file). */
class LanguageLensTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSharedCasesAreMarkedExactly() throws IOException {
        JsonNode cases =
                JSON.readTree(Path.of("src/test/resources/lens-cases.json").toFile());
        List<Curriculum.Term> lexicon = JSON.convertValue(cases.get("lexicon"), new TypeReference<>() {});
        LanguageLens lens = new LanguageLens(lexicon);
        for (JsonNode c : cases.get("cases")) {
            List<String> expected = new ArrayList<>();
            c.get("marks")
                    .forEach(m -> expected.add(m.get(0).asInt() + "-" + m.get(1).asInt() + " "
                            + m.get(2).asText()));
            List<String> actual = lens.mark(c.get("text").asText()).stream()
                    .map(m -> m.start() + "-" + m.end() + " " + m.term().term())
                    .toList();
            assertThat(actual).as(c.get("text").asText()).isEqualTo(expected);
        }
    }

    @Test
    void formsAreMatchedLiterally() {
        LanguageLens lens =
                new LanguageLens(List.of(new Curriculum.Term("c++", List.of(), "clinical", "w", List.of("x"))));
        assertThat(lens.mark("I write c++ daily, not cxx"))
                .extracting(LanguageLens.Mark::text)
                .containsExactly("c++");
    }

    @Test
    void theRepositoryLexiconMarksTypicalClinicalWording() {
        Curriculum curriculum = new CurriculumLoader()
                .load(CurriculumSource.directory(Path.of("curriculum").toAbsolutePath()));
        LanguageLens lens = new LanguageLens(curriculum.lexicon());
        assertThat(lens.mark("He was non-compliant and manipulative, a frequent flyer."))
                .extracting(m -> m.text().toLowerCase())
                .contains("non-compliant", "manipulative", "frequent flyer");
        assertThat(lens.mark("We sat together and talked about what happened.")).isEmpty();
    }
}
