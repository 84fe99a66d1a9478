package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.Prompt;
import io.mutuality.curriculum.Curriculum.Reframe;
import io.mutuality.curriculum.Curriculum.Scenario;
import io.mutuality.curriculum.Curriculum.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Loads and checks the card banks: scenarios, reframes, prompts and the lexicon. */
final class BankLoader {

    record ScenarioBank(List<Scenario> scenarios) {}

    record ReframeBank(List<Reframe> reframes) {}

    record PromptBank(List<Prompt> prompts) {}

    record Lexicon(List<Term> terms) {}

    private BankLoader() {}

    /** The card banks, loaded and checked. */
    static final class Banks {
        List<Scenario> scenarios = List.of();
        List<Reframe> reframes = List.of();
        List<Prompt> prompts = List.of();
        List<Term> terms = List.of();
        /** The ids of the printable materials the index lists (modules may use only these). */
        Set<String> materials = Set.of();

        Set<String> ids(String bank) {
            Set<String> ids = new HashSet<>();
            switch (bank) {
                case "scenarios" -> scenarios.forEach(s -> ids.add(s.id()));
                case "reframes" -> reframes.forEach(r -> ids.add(r.id()));
                case "prompts" -> prompts.forEach(p -> ids.add(p.id()));
                case "lexicon" -> terms.forEach(t -> ids.add(t.term()));
                default -> {}
            }
            return ids;
        }
    }

    static Banks load(LoadRun run, LocatedYaml indexDoc, Map<String, String> bankFiles) {
        Banks banks = new Banks();
        Map<String, String> files = bankFiles == null ? Map.of() : bankFiles;
        for (String name : files.keySet()) {
            if (!Curriculum.BANKS.contains(name)) {
                run.problem(indexDoc, "/banks/" + name, "unknown bank '" + name + "'");
            }
        }
        LocatedYaml doc = bankDoc(run, files.get("scenarios"));
        if (doc != null) {
            ScenarioBank bank = run.bind(doc, ScenarioBank.class);
            if (bank != null && bank.scenarios() != null) {
                banks.scenarios = bank.scenarios();
                checkScenarios(run, doc, banks.scenarios);
            }
        }
        doc = bankDoc(run, files.get("reframes"));
        if (doc != null) {
            ReframeBank bank = run.bind(doc, ReframeBank.class);
            if (bank != null && bank.reframes() != null) {
                banks.reframes = bank.reframes();
                checkReframes(run, doc, banks.reframes);
            }
        }
        doc = bankDoc(run, files.get("prompts"));
        if (doc != null) {
            PromptBank bank = run.bind(doc, PromptBank.class);
            if (bank != null && bank.prompts() != null) {
                banks.prompts = bank.prompts();
                checkPrompts(run, doc, banks.prompts);
            }
        }
        doc = bankDoc(run, files.get("lexicon"));
        if (doc != null) {
            Lexicon bank = run.bind(doc, Lexicon.class);
            if (bank != null && bank.terms() != null) {
                banks.terms = bank.terms();
                checkLexicon(run, doc, banks.terms);
            }
        }
        return banks;
    }

    private static LocatedYaml bankDoc(LoadRun run, String file) {
        if (file == null) {
            return null;
        }
        String text = run.read(file);
        return text == null ? null : run.yaml(file, text, 1);
    }

    private static void checkScenarios(LoadRun run, LocatedYaml doc, List<Scenario> scenarios) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            String at = "/scenarios/" + i;
            LoadRun.id(run, doc, at + "/id", s.id(), seen);
            LoadRun.required(run, doc, at + "/title", s.title());
            LoadRun.required(run, doc, at + "/shared", s.shared());
            if (s.setting() == null || !Curriculum.SETTINGS.contains(s.setting())) {
                run.problem(doc, at + "/setting", "unknown setting '" + s.setting() + "'");
            }
            LoadRun.known(run, doc, at + "/tasks", s.tasks(), Curriculum.TASKS, "task");
            if (s.themes().isEmpty()) {
                run.problem(doc, at + "/themes", "give the scenario at least one theme");
            }
            LoadRun.known(run, doc, at + "/themes", s.themes(), Curriculum.THEMES, "theme");
            if (s.intensity() == null || !Curriculum.INTENSITIES.contains(s.intensity())) {
                run.problem(
                        doc,
                        at + "/intensity",
                        "intensity is " + String.join(", ", Curriculum.INTENSITIES) + ", not '" + s.intensity() + "'");
            }
            List<String> sensitive = s.themes().stream()
                    .filter(Curriculum.SENSITIVE_THEMES::contains)
                    .toList();
            if (!sensitive.isEmpty()
                    && (s.contentNote() == null || s.contentNote().isBlank())) {
                run.problem(
                        doc,
                        at + "/themes",
                        "a scenario about " + String.join(", ", sensitive)
                                + " needs a contentNote, shown before it opens");
            }
            for (String role : s.roles().keySet()) {
                if (!Curriculum.ROLES.contains(role)) {
                    run.problem(doc, at + "/roles/" + role, "unknown role '" + role + "'");
                }
            }
            if (!s.roles().containsKey("person-sharing") || !s.roles().containsKey("peer-supporter")) {
                run.problem(
                        doc, at + "/roles", "a scenario needs a card for the person sharing and the peer supporter");
            }
        }
    }

    private static void checkReframes(LoadRun run, LocatedYaml doc, List<Reframe> reframes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reframes.size(); i++) {
            Reframe r = reframes.get(i);
            String at = "/reframes/" + i;
            LoadRun.id(run, doc, at + "/id", r.id(), seen);
            LoadRun.required(run, doc, at + "/statement", r.statement());
            if (r.pattern() == null || !Curriculum.PATTERNS.contains(r.pattern())) {
                run.problem(doc, at + "/pattern", "unknown pattern '" + r.pattern() + "'");
            }
            if (r.rewrites().isEmpty()) {
                run.problem(doc, at + "/rewrites", "give at least one \"what happened?\" rewrite");
            }
        }
    }

    private static void checkPrompts(LoadRun run, LocatedYaml doc, List<Prompt> prompts) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            String at = "/prompts/" + i;
            LoadRun.id(run, doc, at + "/id", p.id(), seen);
            LoadRun.required(run, doc, at + "/text", p.text());
            if (p.kind() == null || !Curriculum.PROMPT_KINDS.contains(p.kind())) {
                run.problem(doc, at + "/kind", "kind must be check-in or check-out");
            }
        }
    }

    private static void checkLexicon(LoadRun run, LocatedYaml doc, List<Term> terms) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String at = "/terms/" + i;
            LoadRun.required(run, doc, at + "/term", t.term());
            LoadRun.required(run, doc, at + "/why", t.why());
            if (t.category() == null || !Curriculum.TERM_CATEGORIES.contains(t.category())) {
                run.problem(doc, at + "/category", "unknown category '" + t.category() + "'");
            }
            if (t.alternatives().isEmpty()) {
                run.problem(doc, at + "/alternatives", "offer at least one other way to say it");
            }
            List<String> forms = new ArrayList<>();
            forms.add(t.term());
            forms.addAll(t.variants());
            for (String form : forms) {
                if (form != null && !seen.add(form.toLowerCase(Locale.ROOT))) {
                    run.problem(doc, at, "'" + form + "' is in the lexicon twice");
                }
            }
        }
    }
}
