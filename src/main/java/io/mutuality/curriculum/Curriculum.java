package io.mutuality.curriculum;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Everything in {@code curriculum/}, loaded and checked: courses, modules and the card banks. */
public final class Curriculum {

    /** The activity kinds the live room knows. */
    public static final Set<String> ACTIVITY_KINDS = Set.of(
            "check-in",
            "check-out",
            "role-play",
            "reframe",
            "round",
            "discussion",
            "reflection",
            "teach-back",
            "co-reflection",
            "break");

    public static final Set<String> TASKS = Set.of("connection", "worldview", "mutuality", "moving-towards");
    public static final Set<String> PRINCIPLES = Set.of("learning", "relationship", "hope");
    public static final Set<String> ROLES = Set.of("person-sharing", "peer-supporter", "observer");
    public static final Set<String> BANKS = Set.of("scenarios", "reframes", "prompts", "lexicon");
    public static final Set<String> SETTINGS =
            Set.of("peer-respite", "warm-line", "hospital-ward", "community-team", "workplace", "family", "online");
    public static final Set<String> PATTERNS =
            Set.of("diagnostic-label", "clinical-label", "fear-based", "deficit", "controlling", "blaming");
    public static final Set<String> PROMPT_KINDS = Set.of("check-in", "check-out");
    /** What a scenario is about, so a module can draw the scenarios it needs. */
    public static final Set<String> THEMES = Set.of(
            "limit",
            "planning-ahead",
            "big-feelings",
            "disclosure",
            "power",
            "crisis",
            "disconnection",
            "risk",
            "medication",
            "family",
            "loneliness",
            "differing-views",
            "unusual-experiences",
            "sustaining",
            "suicide",
            "self-harm",
            "coercion",
            "abuse",
            "bereavement",
            "substance-use",
            "discrimination",
            "past-trauma",
            "perinatal");
    /** Themes that may be hard to meet in a role-play: a scenario on any of them carries a content note. */
    public static final Set<String> SENSITIVE_THEMES = Set.of(
            "crisis",
            "suicide",
            "self-harm",
            "coercion",
            "abuse",
            "bereavement",
            "substance-use",
            "discrimination",
            "past-trauma",
            "perinatal");
    /** How heavy a scenario is to play, so trainers can build up over a course. */
    public static final List<String> INTENSITIES = List.of("light", "moderate", "heavy");
    /**
     * diagnostic: a diagnosis used as an identity; clinical: service jargon; fear-based; controlling; slur: an insult,
     * often borrowed from a diagnosis; framing: words that decide for a person what their experience is.
     */
    public static final Set<String> TERM_CATEGORIES =
            Set.of("diagnostic", "clinical", "fear-based", "controlling", "slur", "framing");

    public record Day(String title, String starts, String ends, List<AgendaItem> agenda) {
        public Day {
            agenda = agenda == null ? List.of() : List.copyOf(agenda);
        }
    }

    /** One slot of a day: a module, or a break with its own minutes. */
    public record AgendaItem(
            String module, @JsonProperty("break") String breakTitle, String at, Integer minutes) {}

    /**
     * @param coFacilitation for two trainers: who leads which part, and how they hand over (every Core module has it)
     * @param printables ids of the printable materials the module uses ({@code materials/<id>.md})
     */
    public record Module(
            String id,
            String title,
            Integer minutes,
            List<String> tasks,
            List<String> principles,
            List<String> topics,
            List<String> outcomes,
            List<String> learningOutcomes,
            String summary,
            String coFacilitation,
            List<String> materials,
            List<String> printables,
            List<Activity> activities,
            String notes) {
        public Module {
            tasks = orEmpty(tasks);
            principles = orEmpty(principles);
            topics = orEmpty(topics);
            outcomes = orEmpty(outcomes);
            learningOutcomes = orEmpty(learningOutcomes);
            materials = orEmpty(materials);
            printables = orEmpty(printables);
            activities = orEmpty(activities);
        }

        Module withNotes(String facilitatorNotes) {
            return new Module(
                    id,
                    title,
                    minutes,
                    tasks,
                    principles,
                    topics,
                    outcomes,
                    learningOutcomes,
                    summary,
                    coFacilitation,
                    materials,
                    printables,
                    activities,
                    facilitatorNotes);
        }
    }

    /**
     * How an activity's minutes are spent: setting up (forming groups, reading cards), each round and each change of
     * roles between rounds (for an activity with rounds), and the debrief at its end.
     */
    public record Parts(Integer setup, Integer round, Integer changeover, Integer debrief) {
        /** The minutes these parts take for an activity of this many rounds (one when it has none). */
        public int total(Integer rounds) {
            int n = rounds == null ? 1 : rounds;
            return orZero(setup) + (round == null ? 0 : n * round + (n - 1) * orZero(changeover)) + orZero(debrief);
        }

        private static int orZero(Integer i) {
            return i == null ? 0 : i;
        }
    }

    /**
     * @param themes for a role-play: the scenario themes it practises; the room draws scenarios on these first
     * @param parts how its minutes are spent; when given, they add up to its minutes
     * @param focus what it directly teaches or practises: tasks, principles or Core topic ids; Core's coverage map
     *     counts its minutes for each
     */
    public record Activity(
            String kind,
            String title,
            Integer minutes,
            String prompt,
            String bank,
            List<String> cards,
            Integer groupSize,
            List<String> roles,
            Integer rounds,
            String teachBack,
            List<String> themes,
            Parts parts,
            List<String> focus) {
        public Activity {
            cards = orEmpty(cards);
            roles = orEmpty(roles);
            themes = orEmpty(themes);
            focus = orEmpty(focus);
        }
    }

    /** The kinds of printable material: a set of cards (one per "## " heading) or a sheet. */
    public static final Set<String> MATERIAL_KINDS = Set.of("cards", "sheet");

    /**
     * Something a trainer prints for a module: cards or a sheet, written in Markdown.
     *
     * @param kind cards (each card starts with a "## " heading) or sheet
     */
    public record Material(String id, String title, String kind, String markdown) {}

    /**
     * What Core must teach in depth: each id in {@code focus} (a task, principle or Core topic) gets at least
     * {@code minutes} of activities whose focus names it, over Core's agendas.
     */
    public record Depth(Integer minutes, List<String> focus) {
        public Depth {
            focus = orEmpty(focus);
        }
    }

    /**
     * @param themes what it is about (from {@link #THEMES})
     * @param intensity how heavy it is to play (from {@link #INTENSITIES})
     */
    public record Scenario(
            String id,
            String title,
            String setting,
            List<String> tasks,
            List<String> themes,
            String intensity,
            String contentNote,
            String shared,
            Map<String, String> roles) {
        public Scenario {
            tasks = orEmpty(tasks);
            themes = orEmpty(themes);
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }
    }

    /**
     * The scenarios a module's role-play draws, in the order given: those on any of its themes; when it
     * names no themes, or none is on them, those practising any of its tasks; with neither, all of them.
     */
    public static List<Scenario> scenariosFor(List<Scenario> pool, List<String> tasks, List<String> themes) {
        List<String> wanted = themes == null ? List.of() : themes;
        List<Scenario> onTheme = pool.stream()
                .filter(s -> s.themes().stream().anyMatch(wanted::contains))
                .toList();
        if (!onTheme.isEmpty()) {
            return onTheme;
        }
        List<String> practised = tasks == null ? List.of() : tasks;
        return pool.stream()
                .filter(s -> practised.isEmpty() || s.tasks().stream().anyMatch(practised::contains))
                .toList();
    }

    public record Reframe(String id, String statement, String pattern, List<String> rewrites) {
        public Reframe {
            rewrites = orEmpty(rewrites);
        }
    }

    public record Prompt(String id, String kind, String text, List<String> tags) {
        public Prompt {
            tags = orEmpty(tags);
        }
    }

    public record Term(String term, List<String> variants, String category, String why, List<String> alternatives) {
        public Term {
            variants = orEmpty(variants);
            alternatives = orEmpty(alternatives);
        }
    }

    private final Map<String, String> coreTopics;
    private final Map<String, String> coreOutcomes;
    private final Map<String, Course> courses;
    private final Map<String, Module> modules;
    private final List<Scenario> scenarios;
    private final List<Reframe> reframes;
    private final List<Prompt> prompts;
    private final List<Term> lexicon;
    private final Depth coreDepth;
    private final Map<String, String> onlineNotes;
    private final Map<String, Material> materials;
    private final Map<String, String> letters;

    Curriculum(
            Map<String, String> coreTopics,
            Map<String, String> coreOutcomes,
            Map<String, Course> courses,
            Map<String, Module> modules,
            List<Scenario> scenarios,
            List<Reframe> reframes,
            List<Prompt> prompts,
            List<Term> lexicon,
            Depth coreDepth,
            Map<String, String> onlineNotes,
            Map<String, Material> materials,
            Map<String, String> letters) {
        this.letters = Map.copyOf(letters);
        this.materials = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(materials));
        this.coreDepth = coreDepth == null ? new Depth(0, List.of()) : coreDepth;
        this.onlineNotes = Map.copyOf(onlineNotes);
        this.coreTopics = Map.copyOf(coreTopics);
        this.coreOutcomes = Map.copyOf(coreOutcomes);
        this.courses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(courses));
        this.modules = Map.copyOf(modules);
        this.scenarios = List.copyOf(scenarios);
        this.reframes = List.copyOf(reframes);
        this.prompts = List.copyOf(prompts);
        this.lexicon = List.copyOf(lexicon);
    }

    public Collection<Course> courses() {
        return courses.values();
    }

    public Optional<Course> course(String id) {
        return Optional.ofNullable(id).map(courses::get);
    }

    public Optional<Module> module(String id) {
        return Optional.ofNullable(id).map(modules::get);
    }

    public Map<String, Module> modules() {
        return modules;
    }

    public Map<String, String> coreTopics() {
        return coreTopics;
    }

    public Map<String, String> coreOutcomes() {
        return coreOutcomes;
    }

    public List<Scenario> scenarios() {
        return scenarios;
    }

    public List<Reframe> reframes() {
        return reframes;
    }

    public List<Prompt> prompts() {
        return prompts;
    }

    public List<Term> lexicon() {
        return lexicon;
    }

    /** Every printable material, by id, in the order the index lists them. */
    public Map<String, Material> materials() {
        return materials;
    }

    /** The printable materials a module uses, in the order it lists them. */
    public List<Material> materialsOf(Module module) {
        return module.printables().stream()
                .map(materials::get)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /**
     * What an organisation may fill in, in a pre-course letter ({@code {{name}}} in the text), and what each means.
     */
    public static final Map<String, String> LETTER_PLACEHOLDERS = Map.of(
            "participant", "the person the letter is for",
            "organisation", "the organisation hosting the course",
            "dates", "the course's dates",
            "venue", "where it runs, or the video-call link",
            "daily hours", "when each day starts and ends",
            "trainers", "the trainers' names",
            "trainer contact", "how to reach the trainers before and during the course",
            "support contact", "who a participant can contact if the course stirs something up, during it or after it",
            "reply by", "the date by which to tell the trainers about access needs",
            "refreshments", "what the host provides to eat and drink");

    /** A letter for people coming on a course ({@code letters/<course>.md}), with placeholders to fill in. */
    public Optional<String> letter(String courseId) {
        return Optional.ofNullable(courseId).map(letters::get);
    }

    /** Notes for running a course online ({@code online/<course>.md}), when the curriculum has them. */
    public Optional<String> onlineNotes(String courseId) {
        return Optional.ofNullable(courseId).map(onlineNotes::get);
    }

    /** What Core must teach in depth, from the index; no minimum when the index sets none. */
    public Depth coreDepth() {
        return coreDepth;
    }

    /** The modules of a course, in the order its days run them. */
    public List<Module> modulesOf(Course course) {
        List<Module> list = new ArrayList<>();
        for (Day day : course.days()) {
            for (AgendaItem item : day.agenda()) {
                if (item.module() != null) {
                    module(item.module()).ifPresent(list::add);
                }
            }
        }
        return list;
    }

    /** For each Core topic (or outcome), the Core modules that teach it. */
    public Map<String, List<String>> coverage(boolean outcomes) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        (outcomes ? coreOutcomes : coreTopics).keySet().stream().sorted().forEach(k -> map.put(k, new ArrayList<>()));
        course("core")
                .ifPresent(core -> modulesOf(core)
                        .forEach(m -> (outcomes ? m.outcomes() : m.topics())
                                .forEach(k -> map.computeIfAbsent(k, x -> new ArrayList<>())
                                        .add(m.id()))));
        return map;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
