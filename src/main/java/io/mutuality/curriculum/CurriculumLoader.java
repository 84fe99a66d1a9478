package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.AgendaItem;
import io.mutuality.curriculum.Curriculum.Day;
import io.mutuality.curriculum.Curriculum.Module;
import io.mutuality.curriculum.CurriculumException.Problem;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads and checks {@code curriculum/}. Pure (no Quarkus), so the same checks run at start-up,
 * in tests and from the command line ({@link CurriculumCheck}). It reads every file it can
 * and reports every problem, each with its file and line, rather than stopping at the first.
 */
public final class CurriculumLoader {

    static final String INDEX = "curriculum.yaml";
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.+-]{0,31}");
    private static final int MAX_DAYS = 10;

    record Index(
            List<String> courses,
            Map<String, String> banks,
            Map<String, String> coreTopics,
            Map<String, String> coreOutcomes,
            Curriculum.Depth coreDepth,
            List<String> materials) {}

    /** Loads and checks the curriculum in a folder, or throws with every problem found. */
    public Curriculum load(java.nio.file.Path root) {
        return load(CurriculumSource.directory(root.toAbsolutePath()));
    }

    /** Loads and checks everything, or throws with every problem found. */
    public Curriculum load(CurriculumSource source) {
        LoadRun run = new LoadRun(source);
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

        BankLoader.Banks banks = BankLoader.load(run, indexDoc, index.banks());
        Map<String, Curriculum.Material> materials = MaterialLoader.load(run, indexDoc, index.materials());
        banks.materials = materials.keySet();
        Map<String, Course> courses = new LinkedHashMap<>();
        Map<String, Module> modules = new HashMap<>();
        List<String> ids = index.courses() == null ? List.of() : index.courses();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || !LoadRun.ID.matcher(id).matches()) {
                run.problem(
                        indexDoc,
                        "/courses/" + i,
                        "'" + id + "' is not a course id (lower-case words joined by hyphens)");
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
                    run.problems.add(new Problem(
                            "courses/" + id + ".yaml",
                            null,
                            "prerequisite '" + prerequisite + "' is not a course in " + INDEX));
                }
            }
        });
        Curriculum curriculum = new Curriculum(
                topics,
                outcomes,
                courses,
                modules,
                banks.scenarios,
                banks.reframes,
                banks.prompts,
                banks.terms,
                index.coreDepth(),
                CourseTexts.load(run, "online", courses.keySet(), false),
                materials,
                CourseTexts.load(run, "letters", courses.keySet(), true));
        MaterialLoader.checkUsed(run, indexDoc, index.materials(), modules.values());
        if (courses.containsKey("core")) {
            checkCoverage(run, indexDoc, curriculum);
            for (Module module : curriculum.modulesOf(courses.get("core"))) {
                if (module.coFacilitation() == null || module.coFacilitation().isBlank()) {
                    run.problems.add(new Problem(
                            "modules/" + module.id() + ".md",
                            2,
                            "a Core module needs coFacilitation:"
                                    + " who leads which part, and how two trainers hand over"));
                }
            }
        }
        if (!run.problems.isEmpty()) {
            throw new CurriculumException(run.problems);
        }
        return curriculum;
    }

    private void checkCourse(
            LoadRun run,
            LocatedYaml doc,
            String id,
            Course course,
            Map<String, Module> modules,
            Map<String, String> topics,
            Map<String, String> outcomes,
            BankLoader.Banks banks) {
        if (!id.equals(course.id())) {
            run.problem(doc, "/id", "id is '" + course.id() + "' but the file is named for '" + id + "'");
        }
        LoadRun.required(run, doc, "/title", course.title());
        LoadRun.required(run, doc, "/audience", course.audience());
        LoadRun.required(run, doc, "/summary", course.summary());
        if (course.version() == null || !VERSION.matcher(course.version()).matches()) {
            run.problem(doc, "/version", "version is missing or not a short version such as 2026.1");
        }
        if (course.lengthDays() == null) {
            run.problem(doc, "/lengthDays", "lengthDays is missing");
        } else if (course.lengthDays() < 1 || course.lengthDays() > MAX_DAYS) {
            run.problem(
                    doc,
                    "/lengthDays",
                    "lengthDays must be between 1 and " + MAX_DAYS + ", not " + course.lengthDays());
        } else if (course.days().size() != course.lengthDays()) {
            run.problem(
                    doc,
                    "/days",
                    "the course runs " + course.lengthDays() + " days but "
                            + course.days().size() + " are described");
        }
        if (course.prerequisites().contains(course.id())) {
            run.problem(doc, "/prerequisites", "a course cannot be its own prerequisite");
        }
        for (int d = 0; d < course.days().size(); d++) {
            checkDay(run, doc, "/days/" + d, d + 1, course.days().get(d), modules, topics, outcomes, banks);
        }
    }

    private void checkDay(
            LoadRun run,
            LocatedYaml doc,
            String at,
            int number,
            Day day,
            Map<String, Module> modules,
            Map<String, String> topics,
            Map<String, String> outcomes,
            BankLoader.Banks banks) {
        LoadRun.required(run, doc, at + "/title", day.title());
        LocalTime starts = LoadRun.time(run, doc, at + "/starts", day.starts());
        LocalTime ends = LoadRun.time(run, doc, at + "/ends", day.ends());
        if (day.agenda().isEmpty()) {
            run.problem(doc, at + "/agenda", "day " + number + " has no agenda");
            return;
        }
        LocalTime clock = starts;
        for (int i = 0; i < day.agenda().size(); i++) {
            String itemAt = at + "/agenda/" + i;
            AgendaItem item = day.agenda().get(i);
            LocalTime begins = LoadRun.time(run, doc, itemAt + "/at", item.at());
            if (begins != null && clock != null && !begins.equals(clock)) {
                run.problem(
                        doc,
                        itemAt + "/at",
                        "day " + number + " item " + (i + 1) + " is at " + item.at() + " but "
                                + (i == 0 ? "the day starts at " : "the item before ends at ") + clock);
            }
            Integer minutes = null;
            if ((item.module() == null) == (item.breakTitle() == null)) {
                run.problem(doc, itemAt, "an agenda item is either a module or a break");
            } else if (item.module() != null) {
                if (item.minutes() != null) {
                    run.problem(doc, itemAt + "/minutes", "a module's minutes are set in its file, not in the agenda");
                }
                Module module = modules.computeIfAbsent(
                        item.module(), mid -> ModuleLoader.load(run, mid, topics, outcomes, banks));
                if (module == null) {
                    run.problem(
                            doc,
                            itemAt + "/module",
                            "module '" + item.module() + "' cannot be used (see modules/" + item.module() + ".md)");
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
            run.problem(
                    doc,
                    at + "/ends",
                    "day " + number + "'s agenda ends at " + clock + " but the day ends at " + ends
                            + " (the durations do not add up)");
        }
    }

    private void checkCoverage(LoadRun run, LocatedYaml indexDoc, Curriculum curriculum) {
        curriculum.coverage(false).forEach((topic, modules) -> {
            if (modules.isEmpty()) {
                run.problem(indexDoc, "/coreTopics/" + topic, "Core topic '" + topic + "' is taught by no Core module");
            }
        });
        curriculum.coverage(true).forEach((outcome, modules) -> {
            if (modules.isEmpty()) {
                run.problem(
                        indexDoc,
                        "/coreOutcomes/" + outcome,
                        "Core outcome '" + outcome + "' is served by no Core module");
            }
        });
        Curriculum.Depth depth = curriculum.coreDepth();
        for (int i = 0; i < depth.focus().size(); i++) {
            String id = depth.focus().get(i);
            if (!focusIds(curriculum.coreTopics()).contains(id)) {
                run.problem(indexDoc, "/coreDepth/focus/" + i, "'" + id + "' is not a task, principle or Core topic");
            }
        }
        CoverageMap.shortfalls(curriculum).forEach(s -> run.problem(indexDoc, "/coreDepth", s));
    }

    /** What an activity's focus may name: a task, a principle or a Core topic. */
    static java.util.Set<String> focusIds(Map<String, String> topics) {
        java.util.Set<String> ids = new java.util.HashSet<>(Curriculum.TASKS);
        ids.addAll(Curriculum.PRINCIPLES);
        ids.addAll(topics.keySet());
        return ids;
    }
}
