package io.mutuality.curriculum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The language lens (the Java {@link LanguageLens}, the same algorithm the browser runs) over the facilitator notes
 * of every module. Where the lens marks a word the curriculum uses on purpose, as IPS vocabulary or as an example
 * being taught, the word is on the allow-list below with the reason; any other mark fails, so that the lexicon
 * and the curriculum do not contradict each other (the lexicon once marked "in crisis", which the curriculum
 * re-reads rather than avoids).
 */
class LensOverCurriculumTest {

    /** A term the lens may mark in the notes, why that is right, and where (no modules: anywhere). */
    record Allowed(String term, String reason, Set<String> modules) {}

    private static final Set<String> LENS_MODULES = Set.of("core-language-lens", "ttt-language-lens-teaching");

    static final List<Allowed> ALLOWED = List.of(
            new Allowed(
                    "keeping people safe",
                    "one of the traditional crisis responses the crisis re-read names in order to"
                            + " ask what it really does",
                    Set.of()),
            new Allowed(
                    "coping skills",
                    "one of the traditional crisis responses the crisis re-read names and questions",
                    Set.of()),
            new Allowed(
                    "stabilised",
                    "stabilisation is one of the traditional crisis responses the crisis re-read names"
                            + " and questions",
                    Set.of()),
            new Allowed(
                    "restraint",
                    "named as something that happened to people in services (a 'what happened?' fact),"
                            + " never as a way of describing a person",
                    Set.of()),
            new Allowed("seclusion", "named as something that happened to people in services", Set.of()),
            new Allowed(
                    "symptoms",
                    "the four-stage story shows experiences being recast as symptoms; the word is named"
                            + " so participants notice the shift",
                    Set.of()),
            new Allowed("supervision", "co-reflection is taught by contrast with supervision", Set.of()),
            new Allowed(
                    "contract",
                    "the 'safety contract' of the more-of-the-same stage of the four-stage story, and"
                            + " 'a plan, not a contract'",
                    Set.of()),
            new Allowed(
                    "red flag",
                    "'warning signs' are named as what crisis plans usually hold, so participants can"
                            + " notice how fear-based the usual plan is",
                    Set.of()),
            new Allowed(
                    "compliance", "describes what a team review focuses on, in contrast with co-reflection", Set.of()),
            new Allowed(
                    "dangerous",
                    "IPS does not deny danger: the notes say plainly that crisis can be dangerous and"
                            + " that big feelings are not necessarily so",
                    Set.of()),
            new Allowed(
                    "allowed",
                    "the notes examine permission itself: whether passing is really allowed, 'no fixing"
                            + " allowed', hiding behind 'I'm not allowed'",
                    Set.of()),
            new Allowed(
                    "must",
                    "said of the individual who 'must change' (the stance IPS moves away from), of what"
                            + " calling crisis an opportunity must never mean, and listed in the lens module",
                    Set.of()),
            new Allowed("non-compliant", "an example the lens modules teach with", LENS_MODULES),
            new Allowed("manipulative", "an example the lens modules teach with", LENS_MODULES),
            new Allowed("attention-seeking", "an example the lens modules teach with", LENS_MODULES),
            new Allowed("frequent flyer", "an example the lens modules teach with", LENS_MODULES),
            new Allowed("lacks insight", "an example the lens modules teach with", LENS_MODULES),
            new Allowed("at risk", "'high risk', an example the lens modules teach with", LENS_MODULES),
            new Allowed("challenging behaviour", "an example the lens modules teach with", LENS_MODULES),
            new Allowed("decompensating", "an example the lens modules teach with", LENS_MODULES));

    private static Curriculum curriculum;

    @BeforeAll
    static void load() {
        curriculum = new CurriculumLoader().load(Path.of("curriculum"));
    }

    /** Each mark the allow-list does not cover, as "module: term (the words marked)". */
    static List<String> unlisted(Curriculum curriculum, List<Curriculum.Term> lexicon, List<Allowed> allowed) {
        LanguageLens lens = new LanguageLens(lexicon);
        List<String> found = new ArrayList<>();
        curriculum.modules().values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(module -> {
                    for (LanguageLens.Mark mark : lens.mark(module.notes())) {
                        boolean ok = allowed.stream()
                                .anyMatch(a -> a.term().equals(mark.term().term())
                                        && (a.modules().isEmpty() || a.modules().contains(module.id())));
                        if (!ok) {
                            found.add(module.id() + ": " + mark.term().term() + " (" + mark.text() + ")");
                        }
                    }
                });
        return found;
    }

    @Test
    void theLensMarksNothingInTheNotesButWhatTheAllowListExplains() {
        assertThat(unlisted(curriculum, curriculum.lexicon(), ALLOWED)).isEmpty();
    }

    @Test
    void everyAllowedTermHasAReasonIsInTheLexiconAndIsStillUsed() {
        Set<String> terms =
                curriculum.lexicon().stream().map(Curriculum.Term::term).collect(Collectors.toSet());
        LanguageLens lens = new LanguageLens(curriculum.lexicon());
        Set<String> used = new TreeSet<>();
        curriculum
                .modules()
                .values()
                .forEach(m -> lens.mark(m.notes())
                        .forEach(mark -> used.add(mark.term().term())));
        assertThat(ALLOWED).allSatisfy(a -> {
            assertThat(a.reason()).as(a.term()).hasSizeGreaterThan(20);
            assertThat(terms).as("%s is a lexicon term", a.term()).contains(a.term());
            assertThat(used)
                    .as("%s is still marked somewhere in the notes", a.term())
                    .contains(a.term());
        });
    }

    @Test
    void aLexiconThatMarksTheCurriculumsOwnVocabularyFails() {
        List<Curriculum.Term> broken = new ArrayList<>(curriculum.lexicon());
        broken.add(new Curriculum.Term(
                "in crisis",
                List.of(),
                "fear-based",
                "Heard as an emergency.",
                List.of("going through something big")));
        assertThat(unlisted(curriculum, broken, ALLOWED))
                .isNotEmpty()
                .allMatch(f -> f.contains(": in crisis ("))
                .anyMatch(f -> f.startsWith("adv-crisis-connect: "));
        // and an example word used outside the modules that teach the lens is not covered by its entry
        assertThat(unlisted(
                        curriculum,
                        curriculum.lexicon(),
                        ALLOWED.stream()
                                .filter(a -> !a.term().equals("coping skills"))
                                .toList()))
                .contains("core-crisis-reread: coping skills (coping skills)");
    }

    // ------------------------------------------------------------------ the lexicon and reframes themselves

    /** Wording that guesses at a person's history instead of describing what happened. */
    private static final Pattern GUESSED_BACKSTORY = Pattern.compile("\\b(may have|may feel|learned in|trust has been"
            + " broken|had to survive|found a way to survive|underneath|make sense in their story|to cope with)\\b");

    @Test
    void lexiconAlternativesDoNotSwapALabelForAGuessedBackstory() {
        List<String> guesses = curriculum.lexicon().stream()
                .flatMap(t -> t.alternatives().stream()
                        .filter(a -> GUESSED_BACKSTORY
                                .matcher(a.toLowerCase(Locale.ROOT))
                                .find())
                        .map(a -> t.term() + ": " + a))
                .toList();
        assertThat(guesses).isEmpty();
        assertThat(GUESSED_BACKSTORY
                        .matcher("someone whose trust has been broken before")
                        .find())
                .isTrue();
    }

    @Test
    void slursAndFramingWordsAreNotFiledAsDiagnosesAndCrisisIsNotMarked() {
        Map<String, String> category = new TreeMap<>();
        curriculum.lexicon().forEach(t -> category.put(t.term(), t.category()));
        assertThat(category)
                .containsEntry("schizo", "slur")
                .containsEntry("psycho", "slur")
                .containsEntry("nutter", "slur")
                .containsEntry("suffers from", "framing");
        LanguageLens lens = new LanguageLens(curriculum.lexicon());
        assertThat(lens.mark("She was in crisis; the crisis was a turning point."))
                .isEmpty();
        assertThat(curriculum.lexicon().stream()
                        .filter(t -> t.term().equals("prn"))
                        .findFirst()
                        .orElseThrow()
                        .alternatives())
                .noneMatch(a -> a.contains("when you ask for it"));
    }

    /** Facts a rewrite must not bring in unless the statement gave them. */
    private static final Pattern FACTS =
            Pattern.compile("\\b(lost (his|her|their) job|in debt|debt|redundan\\w*|divorc\\w*"
                    + "|evicted|has told us|has said|told us|bereave\\w*)\\b");

    @Test
    void reframingRewritesDoNotInventFacts() {
        List<String> invented = new ArrayList<>();
        for (Curriculum.Reframe r : curriculum.reframes()) {
            String statement = r.statement().toLowerCase(Locale.ROOT);
            for (String rewrite : r.rewrites()) {
                var m = FACTS.matcher(rewrite.toLowerCase(Locale.ROOT));
                while (m.find()) {
                    if (!statement.contains(m.group())) {
                        invented.add(r.id() + ": '" + m.group() + "' in \"" + rewrite + "\"");
                    }
                }
            }
        }
        assertThat(invented).isEmpty();
        assertThat(FACTS.matcher("he has struggled with bills since he lost his job, and he's in debt.")
                        .find())
                .isTrue();
    }
}
