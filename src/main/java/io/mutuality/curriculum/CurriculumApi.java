package io.mutuality.curriculum;

import io.mutuality.curriculum.Curriculum.Activity;
import java.util.List;
import java.util.Map;

/** What the curriculum API answers, as JSON. */
public final class CurriculumApi {

    private CurriculumApi() {}

    public record CourseSummary(
            String id,
            String title,
            String version,
            int lengthDays,
            String audience,
            String summary,
            List<String> prerequisites) {}

    public record CourseDetail(CourseSummary course, List<DayView> days) {}

    public record DayView(int number, String title, String starts, String ends, List<SlotView> agenda) {}

    /** One agenda slot: a module (with its id and participant-facing summary) or a break. */
    public record SlotView(
            String at, int minutes, String kind, String moduleId, String title, String summary, List<String> tasks) {}

    public record ModuleView(
            String id,
            String title,
            int minutes,
            List<String> tasks,
            List<String> principles,
            List<String> topics,
            List<String> outcomes,
            List<String> learningOutcomes,
            String summary,
            List<String> materials,
            List<Activity> activities,
            String facilitatorNotes,
            String coFacilitation,
            List<String> printables) {}

    /** A course as a cohort runs it: every day, every slot, every module in full. What gets pinned. */
    public record ResolvedCourse(
            String source,
            String version,
            CourseSummary course,
            String variantName,
            List<ResolvedDay> days,
            List<Curriculum.Scenario> ownScenarios,
            List<Curriculum.Prompt> ownPrompts) {}

    public record ResolvedDay(int number, String title, String starts, String ends, List<ResolvedSlot> agenda) {}

    public record ResolvedSlot(String at, int minutes, String kind, String title, ModuleView module) {}

    /** Notes for running a course online, in Markdown. */
    public record OnlineNotes(String courseId, String markdown) {}

    /**
     * A letter for people coming on a course, in Markdown, with the placeholders it uses and what each means.
     */
    public record Letter(String courseId, String markdown, Map<String, String> placeholders) {}

    public record Coverage(
            Map<String, String> topicTitles,
            Map<String, List<String>> topics,
            Map<String, String> outcomeTitles,
            Map<String, List<String>> outcomes) {}
}
