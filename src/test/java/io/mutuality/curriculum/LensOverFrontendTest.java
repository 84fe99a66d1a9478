package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The language lens over the web client's own words (every {@code .ts} file under {@code frontend/src}, tests left
 * out): the product should model the practice it teaches. A term the lens marks that the client uses on purpose is on
 * the allow-list with the reason; any other mark fails.
 */
class LensOverFrontendTest {

    /** A term the lens may mark in the client's words where the text contains {@code context}, and why that is right. */
    record Allowed(String term, String context, String reason) {}

    static final List<Allowed> ALLOWED = List.of(
            new Allowed(
                    "must",
                    "must be attended",
                    "a course's completion rule, which days count for a certificate, set by"
                            + " its trainers; a fact about the course, not a demand made of a person in a conversation"),
            new Allowed(
                    "you need to",
                    "whenever you need to",
                    "says the opposite of a demand: people may step out or" + " cancel whenever they choose"),
            new Allowed(
                    "you need to",
                    "you need to sign in",
                    "a plain fact about access to trainer pages, said to" + " someone who is not signed in"),
            new Allowed("case", "lower-case", "'lower-case letters' for a code; no person is called a case"));

    private static LanguageLens lens;

    @BeforeAll
    static void load() {
        lens = new LanguageLens(new CurriculumLoader()
                .load(Path.of("curriculum").toAbsolutePath())
                .lexicon());
    }

    static List<String> findings(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        for (FrontendWords.Words words : FrontendWords.read(root)) {
            for (LanguageLens.Mark mark : lens.mark(words.text())) {
                String term = mark.term().term().toLowerCase(Locale.ROOT);
                if (ALLOWED.stream()
                        .noneMatch(a -> a.term().equals(term) && words.text().contains(a.context()))) {
                    found.add(words.file() + ": " + term + " (\"" + words.text() + "\")");
                }
            }
        }
        return found;
    }

    @Test
    void theClientsWordsCarryNoMarkButWhatTheAllowListExplains() throws IOException {
        Path root = Path.of("frontend/src");
        List<FrontendWords.Words> words = FrontendWords.read(root);
        System.out.println("Read " + words.size() + " pieces of text from the web client");
        assertThat(words).hasSizeGreaterThan(200);
        assertThat(findings(root)).isEmpty();
    }

    @Test
    void everyAllowedTermHasAReasonAndIsStillMarkedSomewhere() throws IOException {
        List<FrontendWords.Words> words = FrontendWords.read(Path.of("frontend/src"));
        for (Allowed allowed : ALLOWED) {
            assertThat(allowed.reason()).hasSizeGreaterThan(20);
            assertThat(words)
                    .as(allowed.term() + " in '" + allowed.context() + "' is still there")
                    .anyMatch(w -> w.text().contains(allowed.context())
                            && lens.mark(w.text()).stream()
                                    .anyMatch(m -> m.term().term().equalsIgnoreCase(allowed.term())));
        }
    }

    @Test
    void onAFixtureItReadsTemplatesAttributesAndProseAndLeavesTestsOut(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("feature/deep"));
        Files.createDirectories(root.resolve("test"));
        Files.writeString(root.resolve("feature/deep/panel.ts"), """
                // a comment about a non-compliant patient is not shown to anyone
                const css = 'display: flex; gap: 4px';
                const label = 'The client was seen today';
                render() {
                  return html`<section aria-label="Notes about a patient">
                    <p>He was ${this.kind === 'a' ? html`<b>attention-seeking</b>` : 'calm and kind today'} again.</p>
                    <mut-x .items=${this.items} data-id="frequent-flyer"></mut-x>
                  </section>`;
                }
                const toast = `Saved, ${name}. Your caseload is ready for you`;
                """);
        Files.writeString(
                root.resolve("feature/panel.test.ts"), "const t = html`<p>The patient is non-compliant</p>`;");
        Files.writeString(root.resolve("test/fixtures.ts"), "export const x = 'The patient is non-compliant today';");
        List<String> found = findings(root);
        assertThat(found)
                .containsExactlyInAnyOrder(
                        "feature/deep/panel.ts: client (\"The client was seen today\")",
                        "feature/deep/panel.ts: patient (\"Notes about a patient\")",
                        "feature/deep/panel.ts: attention-seeking (\"attention-seeking\")",
                        "feature/deep/panel.ts: caseload (\"Saved,  . Your caseload is ready for you\")");
        assertThat(FrontendWords.read(root))
                .extracting(FrontendWords.Words::text)
                .contains("calm and kind today", "He was again.")
                .noneMatch(t -> t.contains("display") || t.contains("frequent") || t.contains("comment"));
    }
}
