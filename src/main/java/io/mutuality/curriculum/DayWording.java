package io.mutuality.curriculum;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the curricula speak of time the way the agendas run it. A course may start on any
 * day of the week or be spread over several weeks, and an agenda can be re-timed, so:
 *
 * <ul>
 * <li>no weekday names in modules or prompts ("on the third day", not "on Wednesday"), and no "this week" or
 * "all week" for the course;</li>
 * <li>"tomorrow" is not said on a course's last day, and "yesterday", "last night" or "since we
 * last met" not on its first;</li>
 * <li>a module that runs in the morning does not say "this afternoon", nor one in the afternoon
 * "this morning", unless the sentence names a module that runs then (otherwise say "later
 * today", "earlier today" or "in the next session");</li>
 * <li>where a sentence with "tomorrow", "yesterday", "this morning", "this afternoon", "later
 * today", "earlier today" or "day N" names other modules of the course (by title or id), one
 * of them runs then;</li>
 * <li>"day N" is a day the course has;</li>
 * <li>prompts tagged {@code day-one} do not look back ("since we last met", "yesterday"), and
 * prompts tagged {@code final-day} do not look forward to "tomorrow".</li>
 * </ul>
 *
 * A module runs in the morning when it starts before noon. Pure: it reads a loaded
 * {@link Curriculum} and returns what it finds.
 */
public final class DayWording {

    /** One thing found: where (a file), the words, and what is wrong with them. */
    public record Finding(String where, String words, String problem) {
        @Override
        public String toString() {
            return where + ": \"" + words + "\": " + problem;
        }
    }

    private static final Pattern WEEK = Pattern.compile("\\b(this|the|all) week\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b", Pattern.CASE_INSENSITIVE);
    private static final List<String> NUMBERS =
            List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten");
    private static final List<String> ORDINALS =
            List.of("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth");
    private static final Pattern PHRASE = Pattern.compile(
            "\\b(tomorrow|yesterday|last night|since we last met"
                    + "|this morning|this afternoon|later today|earlier today"
                    + "|day (" + String.join("|", NUMBERS) + "|[0-9]+)"
                    + "|(" + String.join("|", ORDINALS) + ") day)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOOKS_BACK = Pattern.compile(
            "\\b(since we last met|yesterday|last time we met|last night)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOMORROW = Pattern.compile("\\btomorrow\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern COURSE_BEFORE =
            Pattern.compile("\\b(core|introduction|advanced|intro)('s)?\\s+$", Pattern.CASE_INSENSITIVE);
    private static final LocalTime NOON = LocalTime.NOON;

    /** Where a module runs: its course, day (from 1) and start time. */
    private record Slot(Course course, int day, LocalTime start, Curriculum.Module module) {
        boolean morning() {
            return start.isBefore(NOON);
        }
    }

    private DayWording() {}

    public static List<Finding> check(Curriculum curriculum) {
        List<Finding> findings = new ArrayList<>();
        Map<String, List<Slot>> byCourse = new LinkedHashMap<>();
        Map<String, List<Slot>> byModule = new LinkedHashMap<>();
        for (Course course : curriculum.courses()) {
            List<Slot> slots = new ArrayList<>();
            for (int d = 0; d < course.days().size(); d++) {
                for (Curriculum.AgendaItem item : course.days().get(d).agenda()) {
                    if (item.module() != null && item.at() != null) {
                        int day = d + 1;
                        curriculum
                                .module(item.module())
                                .ifPresent(m -> slots.add(new Slot(course, day, LocalTime.parse(item.at()), m)));
                    }
                }
            }
            byCourse.put(course.id(), slots);
            slots.forEach(s -> byModule.computeIfAbsent(s.module().id(), k -> new ArrayList<>())
                    .add(s));
        }
        curriculum.modules().values().stream()
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .forEach(module -> {
                    String where = "modules/" + module.id() + ".md";
                    for (String sentence : sentences(module)) {
                        weekdays(where, sentence, findings);
                        for (Slot slot : byModule.getOrDefault(module.id(), List.of())) {
                            phrases(
                                    where,
                                    sentence,
                                    slot,
                                    byCourse.get(slot.course().id()),
                                    findings);
                        }
                    }
                });
        for (Curriculum.Prompt prompt : curriculum.prompts()) {
            String where = "banks/prompts.yaml (" + prompt.id() + ")";
            String text = flat(prompt.text());
            weekdays(where, text, findings);
            Matcher back = LOOKS_BACK.matcher(text);
            if (prompt.tags().contains("day-one") && back.find()) {
                findings.add(
                        new Finding(where, back.group(), "a day-one prompt cannot look back to an earlier meeting"));
            }
            Matcher ahead = TOMORROW.matcher(text);
            if (prompt.tags().contains("final-day") && ahead.find()) {
                findings.add(new Finding(where, ahead.group(), "a final-day prompt has no tomorrow in the course"));
            }
        }
        return findings;
    }

    private static void weekdays(String where, String text, List<Finding> findings) {
        Matcher w = WEEK.matcher(text);
        while (w.find()) {
            findings.add(new Finding(
                    where,
                    w.group(),
                    "a course may be spread over several weeks; say \"the course\"" + " or \"these days\""));
        }
        Matcher m = WEEKDAY.matcher(text);
        while (m.find()) {
            findings.add(
                    new Finding(
                            where,
                            m.group(),
                            "a weekday name breaks a course that starts on another day or is"
                                    + " spread over weeks; say which day of the course (\"on the third day\") or \"next week\""));
        }
    }

    private static void phrases(String where, String sentence, Slot slot, List<Slot> course, List<Finding> findings) {
        Matcher m = PHRASE.matcher(sentence);
        int last = slot.course().days().size();
        String in = " (" + slot.course().id() + " day " + slot.day() + ", " + slot.start() + ")";
        while (m.find()) {
            String phrase = m.group(1).toLowerCase(Locale.ROOT);
            Integer dayN = dayNumber(phrase);
            if (dayN != null
                    && COURSE_BEFORE.matcher(sentence.substring(0, m.start())).find()) {
                continue; // "Core day 1" in another course's module speaks of that course
            }
            if (phrase.equals("tomorrow") && slot.day() == last) {
                findings.add(new Finding(where, m.group(), "said on the course's last day" + in));
                continue;
            }
            if ((phrase.equals("yesterday") || phrase.equals("last night") || phrase.equals("since we last met"))
                    && slot.day() == 1) {
                findings.add(new Finding(where, m.group(), "said on the course's first day" + in));
                continue;
            }
            if (dayN != null && dayN > last) {
                findings.add(new Finding(where, m.group(), "the course has " + last + " days" + in));
                continue;
            }
            List<Slot> named = named(sentence, slot, course);
            boolean pointsAway = phrase.equals("this afternoon") && slot.morning()
                    || phrase.equals("this morning") && !slot.morning();
            if (named.isEmpty()) {
                if (pointsAway) {
                    findings.add(
                            new Finding(
                                    where,
                                    m.group(),
                                    "the module runs in the " + (slot.morning() ? "morning" : "afternoon") + in
                                            + "; name the session meant, or say \"later today\", \"earlier today\" or \"in the next session\""));
                }
                continue;
            }
            if (named.stream().noneMatch(other -> fits(phrase, dayN, slot, other))) {
                findings.add(new Finding(
                        where,
                        m.group(),
                        "the sentence names "
                                + String.join(
                                        ", ",
                                        named.stream()
                                                .map(s -> s.module().id() + " (day " + s.day() + ", " + s.start() + ")")
                                                .distinct()
                                                .toList())
                                + ", which does not run then" + in));
            }
        }
    }

    private static boolean fits(String phrase, Integer dayN, Slot here, Slot other) {
        boolean sameDay = other.day() == here.day();
        return switch (phrase) {
            case "tomorrow" -> other.day() == here.day() + 1;
            case "yesterday", "last night" -> other.day() == here.day() - 1;
            case "since we last met" -> other.day() < here.day();
            case "this morning" -> sameDay && other.morning();
            case "this afternoon" -> sameDay && !other.morning();
            case "later today" -> sameDay && other.start().isAfter(here.start());
            case "earlier today" -> sameDay && other.start().isBefore(here.start());
            default -> dayN == null || other.day() == dayN;
        };
    }

    private static Integer dayNumber(String phrase) {
        if (phrase.startsWith("day ")) {
            String n = phrase.substring(4);
            int i = NUMBERS.indexOf(n);
            return i >= 0 ? Integer.valueOf(i + 1) : Integer.valueOf(n);
        }
        if (phrase.endsWith(" day")) {
            return ORDINALS.indexOf(phrase.substring(0, phrase.length() - 4)) + 1;
        }
        return null;
    }

    /** The other modules of the course that a sentence names, by the head of their title or by their id. */
    private static List<Slot> named(String sentence, Slot here, List<Slot> course) {
        String text = " " + normal(sentence) + " ";
        List<Slot> named = new ArrayList<>();
        Map<String, Integer> shared = new java.util.HashMap<>();
        course.stream()
                .map(Slot::module)
                .distinct()
                .forEach(m -> names(m).stream().distinct().forEach(n -> shared.merge(n, 1, Integer::sum)));
        for (Slot other : course) {
            if (other.module().id().equals(here.module().id())) {
                continue;
            }
            for (String name : names(other.module())) {
                // a name several modules share ("teach backs"), or a lone word such as "arriving", names none of them
                boolean vague = shared.get(name) > 1 || !name.contains(" ") && name.endsWith("ing");
                if (!vague
                        && name.length() >= 5
                        && nameMatcher(name).matcher(text).find()) {
                    named.add(other);
                    break;
                }
            }
        }
        return named;
    }

    /** A name as whole words, its last word singular or plural. */
    private static Pattern nameMatcher(String name) {
        String base = name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
        return Pattern.compile(" " + Pattern.quote(base) + "s? ");
    }

    private static List<String> names(Curriculum.Module module) {
        List<String> names = new ArrayList<>();
        String head = module.title().split(" - |: ")[0];
        names.add(stripArticle(normal(head)));
        String id = module.id().replaceFirst("^(intro|core|adv|ttt)-(tb-)?", "");
        names.add(stripArticle(normal(id)));
        return names;
    }

    private static String stripArticle(String s) {
        return s.replaceFirst("^(the|a|an) ", "");
    }

    /** Lower case, hyphens and punctuation as spaces, single spaces. */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}']+", " ")
                .replace("'s ", " ")
                .strip();
    }

    private static String flat(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").strip();
    }

    private static List<String> sentences(Curriculum.Module module) {
        List<String> texts = new ArrayList<>();
        texts.add(module.summary());
        texts.addAll(module.learningOutcomes());
        texts.addAll(module.materials());
        module.activities().forEach(a -> {
            texts.add(a.title());
            texts.add(a.prompt());
        });
        if (module.notes() != null) {
            texts.addAll(List.of(module.notes().split("\\R\\s*\\R")));
        }
        List<String> sentences = new ArrayList<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                for (String s : flat(text).split("(?<=[.!?])\\s+")) {
                    sentences.add(s);
                }
            }
        }
        return sentences;
    }
}
