package io.mutuality.curriculum;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.mutuality.curriculum.Curriculum.Activity;
import io.mutuality.curriculum.Curriculum.AgendaItem;
import io.mutuality.curriculum.Curriculum.Day;
import io.mutuality.curriculum.Curriculum.Module;
import io.mutuality.curriculum.Curriculum.Prompt;
import io.mutuality.curriculum.Curriculum.Reframe;
import io.mutuality.curriculum.Curriculum.Scenario;
import io.mutuality.curriculum.Curriculum.Term;
import io.mutuality.curriculum.CurriculumException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code curriculum/}. Pure (no Quarkus), so the same checks run at start-up,
 * in tests and from the command line ({@link CurriculumCheck}). It reads every file it can
 * and reports every problem, each with its file and line, rather than stopping at the first.
 */
public final class CurriculumLoader {

    static final String INDEX = "curriculum.yaml";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}");
    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);
    private static final int MAX_DAYS = 10;
    /** Titles that say an activity is done in pairs or small groups. */
    static final Pattern IN_GROUPS = Pattern.compile("\\b(in pairs|pairs|partners?|in threes|in fours|in trios"
            + "|small groups?|per group|each group)\\b", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper json = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    record Index(List<String> courses, Map<String, String> banks, Map<String, String> coreTopics,
            Map<String, String> coreOutcomes) {
    }

    record ScenarioBank(List<Scenario> scenarios) {
    }

    record ReframeBank(List<Reframe> reframes) {
    }

    record PromptBank(List<Prompt> prompts) {
    }

    record Lexicon(List<Term> terms) {
    }

    /** Collects problems while loading. */
    private final class Run {
        final CurriculumSource source;
        final List<Problem> problems = new ArrayList<>();

        Run(CurriculumSource source) {
            this.source = source;
        }

        /** A problem at a value; for a list or a map, the line of its key is the one people look for. */
        void problem(LocatedYaml doc, String pointer, String message) {
            problems.add(new Problem(doc.file, doc.keyLine(pointer), message));
        }

        String read(String file) {
            try (InputStream in = source.open(file).orElse(null)) {
                if (in == null) {
                    problems.add(new Problem(file, null, "file not found"));
                    return null;
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new Problem(file, null, "cannot be read: " + e.getMessage()));
                return null;
            }
        }

        LocatedYaml yaml(String file, String text, int firstLine) {
            try {
                return LocatedYaml.parse(file, text, firstLine);
            } catch (CurriculumException e) {
                problems.addAll(e.problems());
                return null;
            }
        }

        <T> T bind(LocatedYaml doc, Class<T> type) {
            try {
                return json.treeToValue(doc.tree, type);
            } catch (UnrecognizedPropertyException e) {
                String pointer = pointer(e) ;
                problems.add(new Problem(doc.file, doc.keyLine(pointer), "unknown field '" + e.getPropertyName() + "'"));
            } catch (JsonMappingException e) {
                String pointer = pointer(e);
                String field = pointer.isEmpty() ? "the file" : "field '" + pointer.substring(1).replace('/', '.') + "'";
                boolean pair = doc.tree.at(pointer).isObject() && e.getMessage().contains("String");
                problems.add(new Problem(doc.file, doc.line(pointer), field + (pair
                        ? " reads as 'key: value' because its text has a colon followed by a space; put the text in quotes"
                        : " has the wrong type of value")));
            } catch (IOException e) {
                problems.add(new Problem(doc.file, null, e.getMessage()));
            }
            return null;
        }
    }

    /** Loads and checks the curriculum in a folder, or throws with every problem found. */
    public Curriculum load(java.nio.file.Path root) {
        return load(CurriculumSource.directory(root.toAbsolutePath()));
    }

    /** Loads and checks everything, or throws with every problem found. */
    public Curriculum load(CurriculumSource source) {
        Run run = new Run(source);
        String indexText = run.read(INDEX);
        LocatedYaml indexDoc = indexText == null ? null : run.yaml(INDEX, indexText, 1);
        Index index = indexDoc == null ? null : run.bind(indexDoc, Index.class);
        if (index == null) {
            throw new CurriculumException(run.problems);
        }
        Map<String, String> topics = index.coreTopics() == null ? Map.of() : index.coreTopics();
        Map<String, String> outcomes = index.coreOutcomes() == null ? Map.of() : index.coreOutcomes();
        if (index.courses() == null || index.courses().isEmpty()) {
            run.problem(indexDoc, "/courses", "lists no courses");
        }
        if (topics.isEmpty()) {
            run.problem(indexDoc, "/coreTopics", "lists no Core topics");
        }
        if (outcomes.isEmpty()) {
            run.problem(indexDoc, "/coreOutcomes", "lists no Core outcomes");
        }

        Banks banks = loadBanks(run, indexDoc, index);
        Map<String, Course> courses = new LinkedHashMap<>();
        Map<String, Module> modules = new HashMap<>();
        List<String> ids = index.courses() == null ? List.of() : index.courses();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !ID.matcher(id).matches()) {
                run.problem(indexDoc, "/courses/" + i, "'" + id + "' is not a course id (lower-case words joined by hyphens)");
                continue;
            }
            if (courses.containsKey(id)) {
                run.problem(indexDoc, "/courses/" + i, "lists course '" + id + "' twice");
                continue;
            }
            String file = "courses/" + id + ".yaml";
            String text = run.read(file);
            LocatedYaml doc = text == null ? null : run.yaml(file, text, 1);
            Course course = doc == null ? null : run.bind(doc, Course.class);
            if (course != null) {
                checkCourse(run, doc, id, course, modules, topics, outcomes, banks);
                courses.put(id, course);
            }
        }
        courses.forEach((id, course) -> {
            for (int i = 0; i < course.prerequisites().size(); i++) {
                String prerequisite = course.prerequisites().get(i);
                if (!courses.containsKey(prerequisite)) {
                    run.problems.add(new Problem("courses/" + id + ".yaml", null,
                            "prerequisite '" + prerequisite + "' is not a course in " + INDEX));
                }
            }
        });
        Curriculum curriculum = new Curriculum(topics, outcomes, courses, modules, banks.scenarios, banks.reframes,
                banks.prompts, banks.terms);
        if (courses.containsKey("core")) {
            checkCoverage(run, indexDoc, curriculum);
        }
        if (!run.problems.isEmpty()) {
            throw new CurriculumException(run.problems);
        }
        return curriculum;
    }

    private void checkCourse(Run run, LocatedYaml doc, String id, Course course, Map<String, Module> modules,
            Map<String, String> topics, Map<String, String> outcomes, Banks banks) {
        if (!id.equals(course.id())) {
            run.problem(doc, "/id", "id is '" + course.id() + "' but the file is named for '" + id + "'");
        }
        required(run, doc, "/title", course.title());
        required(run, doc, "/audience", course.audience());
        required(run, doc, "/summary", course.summary());
        if (course.version() == null || !VERSION.matcher(course.version()).matches()) {
            run.problem(doc, "/version", "version is missing or not a short version such as 2026.1");
        }
        if (course.lengthDays() == null) {
            run.problem(doc, "/lengthDays", "lengthDays is missing");
        } else if (course.lengthDays() < 1 || course.lengthDays() > MAX_DAYS) {
            run.problem(doc, "/lengthDays", "lengthDays must be between 1 and " + MAX_DAYS + ", not " + course.lengthDays());
        } else if (course.days().size() != course.lengthDays()) {
            run.problem(doc, "/days", "the course runs " + course.lengthDays() + " days but " + course.days().size()
                    + " are described");
        }
        if (course.prerequisites().contains(course.id())) {
            run.problem(doc, "/prerequisites", "a course cannot be its own prerequisite");
        }
        for (int d = 0; d < course.days().size(); d++) {
            checkDay(run, doc, "/days/" + d, d + 1, course.days().get(d), modules, topics, outcomes, banks);
        }
    }

    private void checkDay(Run run, LocatedYaml doc, String at, int number, Day day, Map<String, Module> modules,
            Map<String, String> topics, Map<String, String> outcomes, Banks banks) {
        required(run, doc, at + "/title", day.title());
        LocalTime starts = time(run, doc, at + "/starts", day.starts());
        LocalTime ends = time(run, doc, at + "/ends", day.ends());
        if (day.agenda().isEmpty()) {
            run.problem(doc, at + "/agenda", "day " + number + " has no agenda");
            return;
        }
        LocalTime clock = starts;
        for (int i = 0; i < day.agenda().size(); i++) {
            String itemAt = at + "/agenda/" + i;
            AgendaItem item = day.agenda().get(i);
            LocalTime begins = time(run, doc, itemAt + "/at", item.at());
            if (begins != null && clock != null && !begins.equals(clock)) {
                run.problem(doc, itemAt + "/at", "day " + number + " item " + (i + 1) + " is at " + item.at() + " but "
                        + (i == 0 ? "the day starts at " : "the item before ends at ") + clock);
            }
            Integer minutes = null;
            if ((item.module() == null) == (item.breakTitle() == null)) {
                run.problem(doc, itemAt, "an agenda item is either a module or a break");
            } else if (item.module() != null) {
                if (item.minutes() != null) {
                    run.problem(doc, itemAt + "/minutes", "a module's minutes are set in its file, not in the agenda");
                }
                Module module = modules.computeIfAbsent(item.module(), mid -> loadModule(run, mid, topics, outcomes, banks));
                if (module == null) {
                    run.problem(doc, itemAt + "/module", "module '" + item.module() + "' cannot be used (see modules/"
                            + item.module() + ".md)");
                    modules.remove(item.module());
                } else {
                    minutes = module.minutes();
                }
            } else if (item.minutes() == null || item.minutes() < 1) {
                run.problem(doc, itemAt + "/minutes", "a break needs its minutes");
            } else {
                minutes = item.minutes();
            }
            clock = begins == null || minutes == null ? null : begins.plusMinutes(minutes);
        }
        if (clock != null && ends != null && !clock.equals(ends)) {
            run.problem(doc, at + "/ends", "day " + number + "'s agenda ends at " + clock + " but the day ends at " + ends
                    + " (the durations do not add up)");
        }
    }

    private Module loadModule(Run run, String id, Map<String, String> topics, Map<String, String> outcomes, Banks banks) {
        String file = "modules/" + id + ".md";
        if (!ID.matcher(id).matches()) {
            run.problems.add(new Problem(file, null, "'" + id + "' is not a module id"));
            return null;
        }
        String text = run.read(file);
        if (text == null) {
            return null;
        }
        Matcher matcher = FRONT_MATTER.matcher(text);
        if (!matcher.matches()) {
            run.problems.add(new Problem(file, 1, "needs YAML front matter between two lines of ---"));
            return null;
        }
        LocatedYaml doc = run.yaml(file, matcher.group(1), 2);
        Module module = doc == null ? null : run.bind(doc, Module.class);
        if (module == null) {
            return null;
        }
        int before = run.problems.size();
        if (!id.equals(module.id())) {
            run.problem(doc, "/id", "id is '" + module.id() + "' but the file is named for '" + id + "'");
        }
        required(run, doc, "/title", module.title());
        required(run, doc, "/summary", module.summary());
        if (module.minutes() == null || module.minutes() < 5 || module.minutes() > 480) {
            run.problem(doc, "/minutes", "minutes must be between 5 and 480");
        }
        if (module.learningOutcomes().isEmpty()) {
            run.problem(doc, "/learningOutcomes", "list at least one learning outcome");
        }
        known(run, doc, "/tasks", module.tasks(), Curriculum.TASKS, "task");
        known(run, doc, "/principles", module.principles(), Curriculum.PRINCIPLES, "principle");
        known(run, doc, "/topics", module.topics(), topics.keySet(), "Core topic");
        known(run, doc, "/outcomes", module.outcomes(), outcomes.keySet(), "Core outcome");
        int total = 0;
        for (int i = 0; i < module.activities().size(); i++) {
            Activity activity = module.activities().get(i);
            String at = "/activities/" + i;
            if (activity.kind() == null || !Curriculum.ACTIVITY_KINDS.contains(activity.kind())) {
                run.problem(doc, at + "/kind", "unknown activity kind '" + activity.kind() + "' (known: "
                        + String.join(", ", new java.util.TreeSet<>(Curriculum.ACTIVITY_KINDS)) + ")");
            }
            if (activity.minutes() == null || activity.minutes() < 1) {
                run.problem(doc, at + "/minutes", "an activity needs its minutes");
            } else {
                total += activity.minutes();
            }
            if (activity.bank() != null && !Curriculum.BANKS.contains(activity.bank())) {
                run.problem(doc, at + "/bank", "unknown bank '" + activity.bank() + "'");
            }
            for (int c = 0; c < activity.cards().size(); c++) {
                if (activity.bank() == null || !banks.ids(activity.bank()).contains(activity.cards().get(c))) {
                    run.problem(doc, at + "/cards/" + c, "card '" + activity.cards().get(c) + "' is not in the "
                            + activity.bank() + " bank");
                }
            }
            known(run, doc, at + "/roles", activity.roles(), Curriculum.ROLES, "role");
            known(run, doc, at + "/themes", activity.themes(), Curriculum.THEMES, "theme");
            if (!activity.themes().isEmpty() && !"role-play".equals(activity.kind())) {
                run.problem(doc, at + "/themes", "only a role-play draws scenarios by theme");
            }
            if (activity.groupSize() != null && (activity.groupSize() < 2 || activity.groupSize() > 8)) {
                run.problem(doc, at + "/groupSize", "groupSize must be between 2 and 8");
            }
            if ("round".equals(activity.kind()) && activity.groupSize() != null) {
                run.problem(doc, at + "/groupSize", "a round goes round the whole room; work in pairs or small groups is a"
                        + " discussion with its groupSize");
            } else if (activity.groupSize() == null && activity.title() != null
                    && IN_GROUPS.matcher(activity.title()).find()) {
                run.problem(doc, at + "/title", "'" + activity.title() + "' is work in pairs or small groups: give its"
                        + " groupSize (2 for pairs), or the live room runs it with the whole room");
            }
            if (activity.rounds() != null && (activity.rounds() < 1 || activity.rounds() > 8)) {
                run.problem(doc, at + "/rounds", "rounds must be between 1 and 8");
            }
            checkParts(run, doc, at, activity);
            if (activity.teachBack() != null && !topics.containsKey(activity.teachBack())) {
                run.problem(doc, at + "/teachBack", "teachBack '" + activity.teachBack() + "' is not a Core topic");
            }
        }
        if (module.minutes() != null && total > module.minutes()) {
            run.problem(doc, "/activities", "the activities take " + total + " minutes but the module has "
                    + module.minutes());
        }
        String notes = matcher.group(2).strip();
        if (notes.isEmpty()) {
            run.problems.add(new Problem(file, null, "has no facilitator notes after the front matter"));
        }
        return run.problems.size() == before ? module.withNotes(notes) : null;
    }

    /** An activity's parts are whole minutes, and add up to its minutes: rounds and changeovers only where it has rounds. */
    private static void checkParts(Run run, LocatedYaml doc, String at, Activity activity) {
        Curriculum.Parts parts = activity.parts();
        if (parts == null) {
            return;
        }
        for (Integer part : java.util.Arrays.asList(parts.setup(), parts.round(), parts.changeover(), parts.debrief())) {
            if (part != null && part < 0) {
                run.problem(doc, at + "/parts", "parts are minutes, not less than 0");
                return;
            }
        }
        if (parts.round() == null && parts.changeover() != null) {
            run.problem(doc, at + "/parts/changeover", "a changeover comes between rounds: give the round's minutes too");
            return;
        }
        if (parts.round() != null && parts.round() < 1) {
            run.problem(doc, at + "/parts/round", "a round needs at least a minute");
            return;
        }
        if (activity.minutes() == null) {
            return;
        }
        int total = parts.total(activity.rounds());
        int rounds = activity.rounds() == null ? 1 : activity.rounds();
        String sum = parts.round() == null ? "set-up " + orZero(parts.setup()) + " + debrief " + orZero(parts.debrief())
                : "set-up " + orZero(parts.setup()) + " + " + rounds + " round" + (rounds == 1 ? "" : "s") + " of " + parts.round()
                        + (rounds > 1 ? " + " + (rounds - 1) + " changeover" + (rounds == 2 ? "" : "s") + " of "
                                + orZero(parts.changeover()) : "")
                        + " + debrief " + orZero(parts.debrief());
        if (parts.round() != null && total != activity.minutes()) {
            run.problem(doc, at + "/parts", "the parts take " + total + " minutes (" + sum + ") but the activity has "
                    + activity.minutes());
        } else if (parts.round() == null && total >= activity.minutes()) {
            run.problem(doc, at + "/parts", "set-up and debrief take " + total + " of the activity's " + activity.minutes()
                    + " minutes, leaving none for the activity itself");
        }
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }

    private void checkCoverage(Run run, LocatedYaml indexDoc, Curriculum curriculum) {
        curriculum.coverage(false).forEach((topic, modules) -> {
            if (modules.isEmpty()) {
                run.problem(indexDoc, "/coreTopics/" + topic, "Core topic '" + topic + "' is taught by no Core module");
            }
        });
        curriculum.coverage(true).forEach((outcome, modules) -> {
            if (modules.isEmpty()) {
                run.problem(indexDoc, "/coreOutcomes/" + outcome, "Core outcome '" + outcome + "' is served by no Core module");
            }
        });
    }

    /** The card banks, loaded and checked. */
    private static final class Banks {
        List<Scenario> scenarios = List.of();
        List<Reframe> reframes = List.of();
        List<Prompt> prompts = List.of();
        List<Term> terms = List.of();

        Set<String> ids(String bank) {
            Set<String> ids = new HashSet<>();
            switch (bank) {
                case "scenarios" -> scenarios.forEach(s -> ids.add(s.id()));
                case "reframes" -> reframes.forEach(r -> ids.add(r.id()));
                case "prompts" -> prompts.forEach(p -> ids.add(p.id()));
                case "lexicon" -> terms.forEach(t -> ids.add(t.term()));
                default -> {
                }
            }
            return ids;
        }
    }

    private Banks loadBanks(Run run, LocatedYaml indexDoc, Index index) {
        Banks banks = new Banks();
        Map<String, String> files = index.banks() == null ? Map.of() : index.banks();
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

    private LocatedYaml bankDoc(Run run, String file) {
        if (file == null) {
            return null;
        }
        String text = run.read(file);
        return text == null ? null : run.yaml(file, text, 1);
    }

    private void checkScenarios(Run run, LocatedYaml doc, List<Scenario> scenarios) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            String at = "/scenarios/" + i;
            id(run, doc, at + "/id", s.id(), seen);
            required(run, doc, at + "/title", s.title());
            required(run, doc, at + "/shared", s.shared());
            if (s.setting() == null || !Curriculum.SETTINGS.contains(s.setting())) {
                run.problem(doc, at + "/setting", "unknown setting '" + s.setting() + "'");
            }
            known(run, doc, at + "/tasks", s.tasks(), Curriculum.TASKS, "task");
            if (s.themes().isEmpty()) {
                run.problem(doc, at + "/themes", "give the scenario at least one theme");
            }
            known(run, doc, at + "/themes", s.themes(), Curriculum.THEMES, "theme");
            if (s.intensity() == null || !Curriculum.INTENSITIES.contains(s.intensity())) {
                run.problem(doc, at + "/intensity", "intensity is " + String.join(", ", Curriculum.INTENSITIES)
                        + ", not '" + s.intensity() + "'");
            }
            List<String> sensitive = s.themes().stream().filter(Curriculum.SENSITIVE_THEMES::contains).toList();
            if (!sensitive.isEmpty() && (s.contentNote() == null || s.contentNote().isBlank())) {
                run.problem(doc, at + "/themes", "a scenario about " + String.join(", ", sensitive)
                        + " needs a contentNote, shown before it opens");
            }
            for (String role : s.roles().keySet()) {
                if (!Curriculum.ROLES.contains(role)) {
                    run.problem(doc, at + "/roles/" + role, "unknown role '" + role + "'");
                }
            }
            if (!s.roles().containsKey("person-sharing") || !s.roles().containsKey("peer-supporter")) {
                run.problem(doc, at + "/roles", "a scenario needs a card for the person sharing and the peer supporter");
            }
        }
    }

    private void checkReframes(Run run, LocatedYaml doc, List<Reframe> reframes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < reframes.size(); i++) {
            Reframe r = reframes.get(i);
            String at = "/reframes/" + i;
            id(run, doc, at + "/id", r.id(), seen);
            required(run, doc, at + "/statement", r.statement());
            if (r.pattern() == null || !Curriculum.PATTERNS.contains(r.pattern())) {
                run.problem(doc, at + "/pattern", "unknown pattern '" + r.pattern() + "'");
            }
            if (r.rewrites().isEmpty()) {
                run.problem(doc, at + "/rewrites", "give at least one \"what happened?\" rewrite");
            }
        }
    }

    private void checkPrompts(Run run, LocatedYaml doc, List<Prompt> prompts) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt p = prompts.get(i);
            String at = "/prompts/" + i;
            id(run, doc, at + "/id", p.id(), seen);
            required(run, doc, at + "/text", p.text());
            if (p.kind() == null || !Curriculum.PROMPT_KINDS.contains(p.kind())) {
                run.problem(doc, at + "/kind", "kind must be check-in or check-out");
            }
        }
    }

    private void checkLexicon(Run run, LocatedYaml doc, List<Term> terms) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            String at = "/terms/" + i;
            required(run, doc, at + "/term", t.term());
            required(run, doc, at + "/why", t.why());
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

    private static void id(Run run, LocatedYaml doc, String at, String id, Set<String> seen) {
        if (id == null || !ID.matcher(id).matches()) {
            run.problem(doc, at, "'" + id + "' is not an id (lower-case words joined by hyphens)");
        } else if (!seen.add(id)) {
            run.problem(doc, at, "id '" + id + "' is used twice");
        }
    }

    private static void required(Run run, LocatedYaml doc, String at, String value) {
        if (value == null || value.isBlank()) {
            run.problem(doc, at, at.substring(at.lastIndexOf('/') + 1) + " is missing");
        }
    }

    private static void known(Run run, LocatedYaml doc, String at, List<String> values, Set<String> known, String what) {
        for (int i = 0; i < values.size(); i++) {
            if (!known.contains(values.get(i))) {
                run.problem(doc, at + "/" + i, "unknown " + what + " '" + values.get(i) + "'");
            }
        }
    }

    private static LocalTime time(Run run, LocatedYaml doc, String at, String value) {
        if (value == null || !TIME.matcher(value).matches()) {
            run.problem(doc, at, "'" + value + "' is not a time such as 09:30");
            return null;
        }
        try {
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            run.problem(doc, at, "'" + value + "' is not a time such as 09:30");
            return null;
        }
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append('/').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('/').append(ref.getIndex());
            }
        }
        return out.toString();
    }

}
