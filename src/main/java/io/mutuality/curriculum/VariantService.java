package io.mutuality.curriculum;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.common.Problem;
import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import io.mutuality.curriculum.CurriculumApi.ModuleView;
import io.mutuality.curriculum.CurriculumApi.ResolvedCourse;
import io.mutuality.curriculum.CurriculumApi.ResolvedDay;
import io.mutuality.curriculum.CurriculumApi.ResolvedSlot;
import io.mutuality.curriculum.VariantApi.OwnModule;
import io.mutuality.curriculum.VariantApi.VariantDay;
import io.mutuality.curriculum.VariantApi.VariantRequest;
import io.mutuality.curriculum.VariantApi.VariantSlot;
import io.mutuality.identity.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Organisation variants of courses: made, changed, checked and resolved here. */
@ApplicationScoped
public class VariantService {

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CurriculumVersions versions;

    @Inject
    CurriculumMapper mapper;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    public List<CourseVariant> variants(UUID organisationId) {
        return CourseVariant.list("organisationId = ?1 order by name", organisationId);
    }

    public Optional<CourseVariant> variant(UUID organisationId, UUID id) {
        return CourseVariant.of(organisationId, id);
    }

    @Transactional
    public CourseVariant create(UUID organisationId, VariantRequest request) {
        Course course = check(request);
        CourseVariant variant = new CourseVariant();
        variant.id = UUID.randomUUID();
        variant.organisationId = organisationId;
        variant.courseId = course.id();
        variant.baseVersion = course.version();
        variant.name = request.name().strip();
        variant.revision = 1;
        variant.definition = write(request);
        variant.createdAt = clock.instant();
        variant.updatedAt = variant.createdAt;
        variant.persist();
        audit.record(organisationId, "variant.created", variant.name, course.title());
        return variant;
    }

    /** Changes a variant; cohorts already pinned to an earlier revision keep theirs. */
    @Transactional
    public CourseVariant update(UUID organisationId, UUID id, VariantRequest request) {
        CourseVariant variant = variant(organisationId, id).orElseThrow(() -> ProblemException.notFound("variant"));
        if (!variant.courseId.equals(request.courseId())) {
            throw ProblemException.rule("courseId", "A variant stays a variant of " + variant.courseId + ".");
        }
        Course course = check(request);
        variant.name = request.name().strip();
        variant.baseVersion = course.version();
        variant.revision++;
        variant.definition = write(request);
        variant.updatedAt = clock.instant();
        audit.record(organisationId, "variant.changed", variant.name, "revision " + variant.revision);
        return variant;
    }

    public VariantRequest definition(CourseVariant variant) {
        try {
            return json.readValue(variant.definition, VariantRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored variant could not be read", e);
        }
    }

    /** The variant as a cohort would run it now. */
    public ResolvedCourse resolve(CourseVariant variant) {
        VariantRequest definition = definition(variant);
        Course course = catalogue.course(variant.courseId).orElseThrow();
        Map<String, OwnModule> own = new HashMap<>();
        definition.ownModules().forEach(m -> own.put(m.id(), m));
        List<ResolvedDay> days = new ArrayList<>();
        for (int d = 0; d < definition.days().size(); d++) {
            VariantDay day = definition.days().get(d);
            LocalTime clockTime = LocalTime.parse(day.starts());
            List<ResolvedSlot> slots = new ArrayList<>();
            for (VariantSlot slot : day.agenda()) {
                ResolvedSlot resolved;
                if (slot.module() != null) {
                    ModuleView module = mapper.toView(
                            catalogue.curriculum().module(slot.module()).orElseThrow());
                    resolved =
                            new ResolvedSlot(clockTime.toString(), module.minutes(), "module", module.title(), module);
                } else if (slot.ownModule() != null) {
                    OwnModule mine = own.get(slot.ownModule());
                    ModuleView module = new ModuleView(
                            mine.id(),
                            mine.title(),
                            mine.minutes(),
                            orEmpty(mine.tasks()),
                            List.of(),
                            List.of(),
                            List.of(),
                            List.of(),
                            mine.summary(),
                            List.of(),
                            orEmpty(mine.activities()),
                            mine.facilitatorNotes(),
                            null,
                            List.of());
                    resolved = new ResolvedSlot(clockTime.toString(), mine.minutes(), "module", mine.title(), module);
                } else {
                    resolved = new ResolvedSlot(clockTime.toString(), slot.minutes(), "break", slot.breakTitle(), null);
                }
                slots.add(resolved);
                clockTime = clockTime.plusMinutes(resolved.minutes());
            }
            days.add(new ResolvedDay(d + 1, day.title(), day.starts(), day.ends(), slots));
        }
        return new ResolvedCourse(
                variant.source(),
                variant.version(),
                mapper.toSummary(course),
                variant.name,
                days,
                definition.ownScenarios(),
                definition.ownPrompts());
    }

    /** Pins the variant's current revision for a cohort. */
    @Transactional
    public CurriculumVersions.Pin pin(CourseVariant variant) {
        return versions.store(resolve(variant));
    }

    /** Checks a variant against the course and the rules of a training day; every problem is named by field. */
    Course check(VariantRequest request) {
        List<Problem.FieldError> broken = new ArrayList<>();
        Optional<Course> found = catalogue.course(request.courseId());
        if (found.isEmpty()) {
            throw ProblemException.rule("courseId", "There is no course '" + request.courseId() + "'.");
        }
        Course course = found.get();
        if (request.days().size() != course.lengthDays()) {
            broken.add(new Problem.FieldError(
                    "days",
                    course.title() + " runs over " + course.lengthDays() + " days; the variant describes "
                            + request.days().size() + "."));
        }
        Map<String, Integer> ownMinutes = new HashMap<>();
        Set<String> ownIds = new HashSet<>();
        for (int i = 0; i < request.ownModules().size(); i++) {
            OwnModule module = request.ownModules().get(i);
            String at = "ownModules[" + i + "]";
            if (!ownIds.add(module.id())) {
                broken.add(new Problem.FieldError(at + ".id", "'" + module.id() + "' is used twice."));
            }
            if (catalogue.curriculum().module(module.id()).isPresent()) {
                broken.add(new Problem.FieldError(
                        at + ".id", "'" + module.id() + "' is a module of the course library; choose another id."));
            }
            orEmpty(module.tasks()).stream()
                    .filter(t -> !Curriculum.TASKS.contains(t))
                    .forEach(t -> broken.add(new Problem.FieldError(at + ".tasks", "unknown task '" + t + "'")));
            int total = 0;
            for (int a = 0; a < orEmpty(module.activities()).size(); a++) {
                Curriculum.Activity activity = module.activities().get(a);
                if (activity.kind() == null || !Curriculum.ACTIVITY_KINDS.contains(activity.kind())) {
                    broken.add(new Problem.FieldError(
                            at + ".activities[" + a + "].kind", "unknown activity kind '" + activity.kind() + "'"));
                }
                total += activity.minutes() == null ? 0 : activity.minutes();
                String activityAt = at + ".activities[" + a + "]";
                activity.themes().stream()
                        .filter(t -> !Curriculum.THEMES.contains(t))
                        .forEach(t -> broken.add(
                                new Problem.FieldError(activityAt + ".themes", "unknown theme '" + t + "'")));
                Curriculum.Parts parts = activity.parts();
                if (parts != null
                        && parts.round() != null
                        && activity.minutes() != null
                        && parts.total(activity.rounds()) != activity.minutes()) {
                    broken.add(new Problem.FieldError(
                            at + ".activities[" + a + "].parts",
                            "the parts take " + parts.total(activity.rounds()) + " minutes but the activity has "
                                    + activity.minutes() + "."));
                }
            }
            if (total > module.minutes()) {
                broken.add(new Problem.FieldError(
                        at + ".activities",
                        "the activities take " + total + " minutes but the module has " + module.minutes() + "."));
            }
            ownMinutes.put(module.id(), module.minutes());
        }
        for (int d = 0; d < request.days().size(); d++) {
            VariantDay day = request.days().get(d);
            int minutes = 0;
            for (int s = 0; s < day.agenda().size(); s++) {
                VariantSlot slot = day.agenda().get(s);
                String at = "days[" + d + "].agenda[" + s + "]";
                int kinds = (slot.module() != null ? 1 : 0)
                        + (slot.ownModule() != null ? 1 : 0)
                        + (slot.breakTitle() != null ? 1 : 0);
                if (kinds != 1) {
                    broken.add(new Problem.FieldError(at, "Each slot is one module, one own module or one break."));
                } else if (slot.module() != null) {
                    var module = catalogue.curriculum().module(slot.module());
                    if (module.isEmpty()) {
                        broken.add(
                                new Problem.FieldError(at + ".module", "There is no module '" + slot.module() + "'."));
                    } else {
                        minutes += module.get().minutes();
                    }
                } else if (slot.ownModule() != null) {
                    Integer own = ownMinutes.get(slot.ownModule());
                    if (own == null) {
                        broken.add(new Problem.FieldError(
                                at + ".ownModule",
                                "'" + slot.ownModule() + "' is not one of the variant's own modules."));
                    } else {
                        minutes += own;
                    }
                } else if (slot.minutes() == null) {
                    broken.add(new Problem.FieldError(at + ".minutes", "A break needs its minutes."));
                } else {
                    minutes += slot.minutes();
                }
            }
            long dayMinutes = Duration.between(LocalTime.parse(day.starts()), LocalTime.parse(day.ends()))
                    .toMinutes();
            if (broken.isEmpty() && minutes != dayMinutes) {
                broken.add(new Problem.FieldError(
                        "days[" + d + "].agenda",
                        "Day " + (d + 1) + " runs " + dayMinutes + " minutes but its slots add up to " + minutes
                                + "."));
            }
        }
        Set<String> scenarioIds = new HashSet<>();
        for (int i = 0; i < request.ownScenarios().size(); i++) {
            Curriculum.Scenario scenario = request.ownScenarios().get(i);
            String at = "ownScenarios[" + i + "]";
            if (scenario.id() == null || !scenario.id().matches(VariantApi.ID) || !scenarioIds.add(scenario.id())) {
                broken.add(new Problem.FieldError(
                        at + ".id", "Give each scenario its own id (lower-case words and hyphens)."));
            }
            if (scenario.shared() == null
                    || scenario.shared().isBlank()
                    || !scenario.roles().containsKey("person-sharing")
                    || !scenario.roles().containsKey("peer-supporter")) {
                broken.add(new Problem.FieldError(
                        at,
                        "A scenario needs its shared part and a card for the person sharing and the peer supporter."));
            }
            if (scenario.setting() != null && !Curriculum.SETTINGS.contains(scenario.setting())) {
                broken.add(new Problem.FieldError(at + ".setting", "unknown setting '" + scenario.setting() + "'"));
            }
            scenario.themes().stream()
                    .filter(t -> !Curriculum.THEMES.contains(t))
                    .forEach(t -> broken.add(new Problem.FieldError(at + ".themes", "unknown theme '" + t + "'")));
            if (scenario.intensity() != null && !Curriculum.INTENSITIES.contains(scenario.intensity())) {
                broken.add(new Problem.FieldError(at + ".intensity", "intensity is light, moderate or heavy."));
            }
            List<String> sensitive = scenario.themes().stream()
                    .filter(Curriculum.SENSITIVE_THEMES::contains)
                    .toList();
            if (!sensitive.isEmpty()
                    && (scenario.contentNote() == null || scenario.contentNote().isBlank())) {
                broken.add(new Problem.FieldError(
                        at + ".contentNote",
                        "A scenario about " + String.join(", ", sensitive)
                                + " needs a content note, shown before it opens."));
            }
        }
        for (int i = 0; i < request.ownPrompts().size(); i++) {
            Curriculum.Prompt prompt = request.ownPrompts().get(i);
            if (prompt.text() == null || prompt.text().isBlank() || !Curriculum.PROMPT_KINDS.contains(prompt.kind())) {
                broken.add(new Problem.FieldError(
                        "ownPrompts[" + i + "]", "A prompt needs its text and a kind: check-in or check-out."));
            }
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(
                    ProblemType.RULE_VIOLATION,
                    broken.size() == 1
                            ? broken.get(0).message()
                            : broken.size() + " parts of the variant need attention.",
                    broken);
        }
        return course;
    }

    private String write(VariantRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
