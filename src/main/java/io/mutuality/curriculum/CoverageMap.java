package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.Activity;
import io.mutuality.curriculum.Curriculum.AgendaItem;
import io.mutuality.curriculum.Curriculum.Day;
import io.mutuality.curriculum.Curriculum.Module;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What Core gives each task, principle, topic and outcome, read from Core's agendas: the modules that name it, when they
 * run and for how long, and the minutes of their activities whose {@code focus} names it (direct teaching and practice).
 */
public final class CoverageMap {

    /** One Core slot that touches an entry: its module, day, start, the slot's minutes and the direct minutes in it. */
    public record Slot(String module, int day, String at, int minutes, int direct) {}

    /**
     * @param kind task, principle, topic or outcome
     * @param direct minutes of activities whose focus names it (outcomes are not a focus, so 0)
     */
    public record Entry(String id, String kind, String description, List<Slot> slots, int direct) {
        /** Minutes of the slots whose modules name it, in full. */
        public int slotMinutes() {
            return slots.stream().mapToInt(Slot::minutes).sum();
        }
    }

    private CoverageMap() {}

    /** Every task, principle, Core topic and Core outcome, in that order, with what Core gives it. */
    public static List<Entry> of(Curriculum curriculum) {
        Map<String, String[]> entries = new LinkedHashMap<>();
        for (String task : List.of("connection", "worldview", "mutuality", "moving-towards")) {
            entries.put(task, new String[] {"task", "The task of " + task.replace('-', ' ')});
        }
        for (String principle : List.of("learning", "relationship", "hope")) {
            entries.put(principle, new String[] {"principle", PRINCIPLE_NAMES.get(principle)});
        }
        new TreeSet<>(curriculum.coreTopics().keySet())
                .forEach(t -> entries.put(
                        t, new String[] {"topic", curriculum.coreTopics().get(t)}));
        new TreeSet<>(curriculum.coreOutcomes().keySet())
                .forEach(o -> entries.putIfAbsent(
                        o, new String[] {"outcome", curriculum.coreOutcomes().get(o)}));
        List<Entry> map = new ArrayList<>();
        entries.forEach((id, about) -> map.add(entry(curriculum, id, about[0], about[1])));
        return map;
    }

    private static final Map<String, String> PRINCIPLE_NAMES = Map.of(
            "learning",
            "From helping to learning",
            "relationship",
            "From the individual to the relationship",
            "hope",
            "From fear to hope");

    private static Entry entry(Curriculum curriculum, String id, String kind, String description) {
        List<Slot> slots = new ArrayList<>();
        int direct = 0;
        Course core = curriculum.course("core").orElse(null);
        List<Day> days = core == null ? List.of() : core.days();
        for (int d = 0; d < days.size(); d++) {
            for (AgendaItem item : days.get(d).agenda()) {
                Module module = item.module() == null
                        ? null
                        : curriculum.module(item.module()).orElse(null);
                if (module == null) {
                    continue;
                }
                int inSlot = 0;
                for (Activity activity : module.activities()) {
                    if (activity.focus().contains(id) && activity.minutes() != null) {
                        inSlot += activity.minutes();
                    }
                }
                if (inSlot > 0 || names(module, kind, id)) {
                    slots.add(new Slot(module.id(), d + 1, item.at(), module.minutes(), inSlot));
                    direct += inSlot;
                }
            }
        }
        return new Entry(id, kind, description, List.copyOf(slots), direct);
    }

    private static boolean names(Module module, String kind, String id) {
        switch (kind) {
            case "task":
                return module.tasks().contains(id);
            case "principle":
                return module.principles().contains(id);
            case "topic":
                return module.topics().contains(id);
            default:
                return module.outcomes().contains(id);
        }
    }

    /** The entries Core must teach in depth (the index's coreDepth) that get fewer direct minutes than it asks. */
    public static List<String> shortfalls(Curriculum curriculum) {
        Curriculum.Depth depth = curriculum.coreDepth();
        int minimum = depth.minutes() == null ? 0 : depth.minutes();
        Map<String, Entry> byId = new LinkedHashMap<>();
        of(curriculum).forEach(e -> byId.put(e.id(), e));
        List<String> short_ = new ArrayList<>();
        for (String id : depth.focus()) {
            Entry entry = byId.get(id);
            int direct = entry == null ? 0 : entry.direct();
            if (direct < minimum) {
                short_.add(id + " has " + direct + " minutes of direct teaching and practice in Core (activities whose"
                        + " focus names it), under " + minimum);
            }
        }
        return short_;
    }

    /** The map as a trainer reads it: each entry, its direct minutes, and the modules with day, time and minutes. */
    public static String print(List<Entry> map) {
        StringBuilder out = new StringBuilder();
        String kind = null;
        for (Entry e : map) {
            if (!e.kind().equals(kind)) {
                kind = e.kind();
                out.append(kind.substring(0, 1).toUpperCase())
                        .append(kind.substring(1))
                        .append("s\n");
            }
            out.append("  ")
                    .append(e.id())
                    .append(" - ")
                    .append(e.description())
                    .append('\n');
            out.append("    ")
                    .append("outcome".equals(kind) ? "" : e.direct() + " min direct; ")
                    .append(e.slotMinutes())
                    .append(" min in the modules that name it\n");
            for (Slot s : e.slots()) {
                out.append("      day ")
                        .append(s.day())
                        .append(' ')
                        .append(s.at())
                        .append("  ")
                        .append(s.module())
                        .append(" (")
                        .append(s.minutes())
                        .append(" min")
                        .append(s.direct() > 0 ? ", " + s.direct() + " direct" : "")
                        .append(")\n");
            }
        }
        return out.toString();
    }
}
