package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.Activity;
import io.mutuality.curriculum.Curriculum.Module;
import io.mutuality.curriculum.CurriculumException.Problem;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Loads and checks one module file: its front matter, its activities and their parts, and its notes. */
final class ModuleLoader {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R?(.*)\\z", Pattern.DOTALL);
    /** Titles that say an activity is done in pairs or small groups. */
    static final Pattern IN_GROUPS = Pattern.compile(
            "\\b(in pairs|pairs|partners?|in threes|in fours|in trios" + "|small groups?|per group|each group)\\b",
            Pattern.CASE_INSENSITIVE);

    private ModuleLoader() {}

    static Module load(
            LoadRun run, String id, Map<String, String> topics, Map<String, String> outcomes, BankLoader.Banks banks) {
        String file = "modules/" + id + ".md";
        if (!LoadRun.ID.matcher(id).matches()) {
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
        LoadRun.required(run, doc, "/title", module.title());
        LoadRun.required(run, doc, "/summary", module.summary());
        if (module.minutes() == null || module.minutes() < 5 || module.minutes() > 480) {
            run.problem(doc, "/minutes", "minutes must be between 5 and 480");
        }
        if (module.learningOutcomes().isEmpty()) {
            run.problem(doc, "/learningOutcomes", "list at least one learning outcome");
        }
        LoadRun.known(run, doc, "/tasks", module.tasks(), Curriculum.TASKS, "task");
        LoadRun.known(run, doc, "/principles", module.principles(), Curriculum.PRINCIPLES, "principle");
        LoadRun.known(run, doc, "/topics", module.topics(), topics.keySet(), "Core topic");
        LoadRun.known(run, doc, "/outcomes", module.outcomes(), outcomes.keySet(), "Core outcome");
        for (int i = 0; i < module.printables().size(); i++) {
            String material = module.printables().get(i);
            if (!banks.materials.contains(material)) {
                run.problem(
                        doc,
                        "/printables/" + i,
                        "material '" + material + "' is not one of the materials in " + CurriculumLoader.INDEX
                                + " (materials/" + material + ".md)");
            }
        }
        int total = 0;
        for (int i = 0; i < module.activities().size(); i++) {
            Activity activity = module.activities().get(i);
            String at = "/activities/" + i;
            if (activity.kind() == null || !Curriculum.ACTIVITY_KINDS.contains(activity.kind())) {
                run.problem(
                        doc,
                        at + "/kind",
                        "unknown activity kind '" + activity.kind() + "' (known: "
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
                if (activity.bank() == null
                        || !banks.ids(activity.bank()).contains(activity.cards().get(c))) {
                    run.problem(
                            doc,
                            at + "/cards/" + c,
                            "card '" + activity.cards().get(c) + "' is not in the " + activity.bank() + " bank");
                }
            }
            LoadRun.known(run, doc, at + "/roles", activity.roles(), Curriculum.ROLES, "role");
            LoadRun.known(run, doc, at + "/themes", activity.themes(), Curriculum.THEMES, "theme");
            LoadRun.known(
                    run,
                    doc,
                    at + "/focus",
                    activity.focus(),
                    CurriculumLoader.focusIds(topics),
                    "focus (a task, principle or Core topic)");
            if (!activity.themes().isEmpty() && !"role-play".equals(activity.kind())) {
                run.problem(doc, at + "/themes", "only a role-play draws scenarios by theme");
            }
            if (activity.groupSize() != null && (activity.groupSize() < 2 || activity.groupSize() > 8)) {
                run.problem(doc, at + "/groupSize", "groupSize must be between 2 and 8");
            }
            if ("round".equals(activity.kind()) && activity.groupSize() != null) {
                run.problem(
                        doc,
                        at + "/groupSize",
                        "a round goes round the whole room; work in pairs or small groups is a"
                                + " discussion with its groupSize");
            } else if (activity.groupSize() == null
                    && activity.title() != null
                    && IN_GROUPS.matcher(activity.title()).find()) {
                run.problem(
                        doc,
                        at + "/title",
                        "'" + activity.title() + "' is work in pairs or small groups: give its"
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
            run.problem(
                    doc,
                    "/activities",
                    "the activities take " + total + " minutes but the module has " + module.minutes());
        }
        String notes = matcher.group(2).strip();
        if (notes.isEmpty()) {
            run.problems.add(new Problem(file, null, "has no facilitator notes after the front matter"));
        }
        return run.problems.size() == before ? module.withNotes(notes) : null;
    }

    /** An activity's parts are whole minutes, and add up to its minutes: rounds and changeovers only where it has rounds. */
    private static void checkParts(LoadRun run, LocatedYaml doc, String at, Activity activity) {
        Curriculum.Parts parts = activity.parts();
        if (parts == null) {
            return;
        }
        for (Integer part :
                java.util.Arrays.asList(parts.setup(), parts.round(), parts.changeover(), parts.debrief())) {
            if (part != null && part < 0) {
                run.problem(doc, at + "/parts", "parts are minutes, not less than 0");
                return;
            }
        }
        if (parts.round() == null && parts.changeover() != null) {
            run.problem(
                    doc, at + "/parts/changeover", "a changeover comes between rounds: give the round's minutes too");
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
        String sum = parts.round() == null
                ? "set-up " + orZero(parts.setup()) + " + debrief " + orZero(parts.debrief())
                : "set-up " + orZero(parts.setup()) + " + " + rounds + " round" + (rounds == 1 ? "" : "s") + " of "
                        + parts.round()
                        + (rounds > 1
                                ? " + " + (rounds - 1) + " changeover" + (rounds == 2 ? "" : "s") + " of "
                                        + orZero(parts.changeover())
                                : "")
                        + " + debrief " + orZero(parts.debrief());
        if (parts.round() != null && total != activity.minutes()) {
            run.problem(
                    doc,
                    at + "/parts",
                    "the parts take " + total + " minutes (" + sum + ") but the activity has " + activity.minutes());
        } else if (parts.round() == null && total >= activity.minutes()) {
            run.problem(
                    doc,
                    at + "/parts",
                    "set-up and debrief take " + total + " of the activity's " + activity.minutes()
                            + " minutes, leaving none for the activity itself");
        }
    }

    private static int orZero(Integer i) {
        return i == null ? 0 : i;
    }
}
