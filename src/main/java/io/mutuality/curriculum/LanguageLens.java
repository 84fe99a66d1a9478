package io.mutuality.curriculum;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The language lens: marks words from the lexicon in what someone writes, with why each
 * matters and other ways to say it. It never blocks. The browser runs the same algorithm
 * (frontend/src/room/lens.ts) on the same lexicon; both are held to the shared cases in
 * src/test/resources/lens-cases.json.
 *
 * <p>A form (the term or a variant) matches case-insensitively as a whole word: no letter or
 * digit right before or after it. Where matches overlap, the longer wins, then the earlier,
 * then the entry listed first.
 */
public final class LanguageLens {

    /** One marked span of the text, {@code start} inclusive and {@code end} exclusive. */
    public record Mark(int start, int end, String text, Curriculum.Term term) {}

    private record Form(Pattern pattern, Curriculum.Term term, int order) {}

    private record Candidate(int start, int end, Curriculum.Term term, int order) {
        int length() {
            return end - start;
        }
    }

    private final List<Form> forms = new ArrayList<>();

    public LanguageLens(List<Curriculum.Term> lexicon) {
        for (int i = 0; i < lexicon.size(); i++) {
            Curriculum.Term term = lexicon.get(i);
            List<String> all = new ArrayList<>();
            all.add(term.term());
            all.addAll(term.variants());
            for (String form : all) {
                if (form != null && !form.isBlank()) {
                    forms.add(new Form(
                            Pattern.compile(
                                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(form.toLowerCase(Locale.ROOT))
                                            + "(?![\\p{L}\\p{N}])",
                                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                            term,
                            i));
                }
            }
        }
    }

    public List<Mark> mark(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Form form : forms) {
            Matcher matcher = form.pattern().matcher(text);
            while (matcher.find()) {
                candidates.add(new Candidate(matcher.start(), matcher.end(), form.term(), form.order()));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::length)
                .reversed()
                .thenComparingInt(Candidate::start)
                .thenComparingInt(Candidate::order));
        List<Candidate> taken = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean overlaps = taken.stream().anyMatch(t -> candidate.start() < t.end() && t.start() < candidate.end());
            if (!overlaps) {
                taken.add(candidate);
            }
        }
        taken.sort(Comparator.comparingInt(Candidate::start));
        return taken.stream()
                .map(c -> new Mark(c.start(), c.end(), text.substring(c.start(), c.end()), c.term()))
                .toList();
    }
}
