package io.mutuality.curriculum;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.Curriculum.AgendaItem;
import io.mutuality.curriculum.Curriculum.Day;
import io.mutuality.curriculum.CurriculumApi.CourseDetail;
import io.mutuality.curriculum.CurriculumApi.CourseSummary;
import io.mutuality.curriculum.CurriculumApi.Coverage;
import io.mutuality.curriculum.CurriculumApi.DayView;
import io.mutuality.curriculum.CurriculumApi.ModuleView;
import io.mutuality.curriculum.CurriculumApi.SlotView;
import io.mutuality.identity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The curricula: courses and their timed days are public (people deciding whether to come
 * read them); facilitator notes and the card banks are for trainers; the language lens is
 * public because it runs in participants' browsers.
 */
@Path("/curricula")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Curriculum")
public class CurriculumResource {

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CurriculumMapper mapper;

    @GET
    @Path("/courses")
    @PermitAll
    @Operation(summary = "The IPS courses Mutuality can schedule and run")
    public List<CourseSummary> courses() {
        return catalogue.courses().stream().map(mapper::toSummary).toList();
    }

    @GET
    @Path("/courses/{courseId}")
    @PermitAll
    @Operation(summary = "A course with its days and timed agenda")
    public CourseDetail course(@PathParam("courseId") String courseId) {
        Course course =
                catalogue.course(courseId).orElseThrow(() -> ProblemException.notFound("course '" + courseId + "'"));
        List<DayView> days = new ArrayList<>();
        for (int d = 0; d < course.days().size(); d++) {
            days.add(day(d + 1, course.days().get(d)));
        }
        return new CourseDetail(mapper.toSummary(course), days);
    }

    @GET
    @Path("/courses/{courseId}/online")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Notes for running a course online (trainers)")
    public CurriculumApi.OnlineNotes online(@PathParam("courseId") String courseId) {
        catalogue.course(courseId).orElseThrow(() -> ProblemException.notFound("course '" + courseId + "'"));
        return catalogue
                .curriculum()
                .onlineNotes(courseId)
                .map(notes -> new CurriculumApi.OnlineNotes(courseId, notes))
                .orElseThrow(() -> ProblemException.notFound("notes for running '" + courseId + "' online"));
    }

    @GET
    @Path("/courses/{courseId}/letter")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            summary =
                    "The letter to send people before a course, with {{placeholders}} an organisation fills in (trainers)")
    public CurriculumApi.Letter letter(@PathParam("courseId") String courseId) {
        catalogue.course(courseId).orElseThrow(() -> ProblemException.notFound("course '" + courseId + "'"));
        String markdown = catalogue
                .curriculum()
                .letter(courseId)
                .orElseThrow(() -> ProblemException.notFound("a letter for '" + courseId + "'"));
        java.util.Map<String, String> used = new java.util.TreeMap<>();
        CourseTexts.PLACEHOLDER
                .matcher(markdown)
                .results()
                .map(m -> m.group(1))
                .forEach(name -> used.put(name, Curriculum.LETTER_PLACEHOLDERS.get(name)));
        return new CurriculumApi.Letter(courseId, markdown, used);
    }

    @GET
    @Path("/modules/{moduleId}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A module with its activities and facilitator notes (trainers)")
    public ModuleView module(@PathParam("moduleId") String moduleId) {
        return catalogue
                .curriculum()
                .module(moduleId)
                .map(mapper::toView)
                .orElseThrow(() -> ProblemException.notFound("module '" + moduleId + "'"));
    }

    @GET
    @Path("/modules/{moduleId}/materials")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The printable materials a module uses: cards or sheets, in Markdown (trainers)")
    public List<Curriculum.Material> materials(@PathParam("moduleId") String moduleId) {
        Curriculum curriculum = catalogue.curriculum();
        return curriculum
                .module(moduleId)
                .map(curriculum::materialsOf)
                .orElseThrow(() -> ProblemException.notFound("module '" + moduleId + "'"));
    }

    @GET
    @Path("/scenarios")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Role-play scenarios with every role's card (trainers)")
    public List<Curriculum.Scenario> scenarios() {
        return catalogue.curriculum().scenarios();
    }

    @GET
    @Path("/reframes")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "\"What's wrong\" statements with \"what happened?\" rewrites (trainers)")
    public List<Curriculum.Reframe> reframes() {
        return catalogue.curriculum().reframes();
    }

    @GET
    @Path("/prompts")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Check-in and check-out prompts (trainers)")
    public List<Curriculum.Prompt> prompts() {
        return catalogue.curriculum().prompts();
    }

    @GET
    @Path("/lexicon")
    @PermitAll
    @Operation(summary = "The language lens: terms, why they matter, other ways to say them")
    public List<Curriculum.Term> lexicon() {
        return catalogue.curriculum().lexicon();
    }

    /** Text to look at through the language lens. */
    public record LensRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 5000)
            String text) {}

    @jakarta.ws.rs.POST
    @Path("/lens")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark lexicon words in a text (the same marks the browser shows); it never blocks")
    public List<LanguageLens.Mark> lens(
            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid LensRequest request) {
        return catalogue.lens().mark(request.text());
    }

    @GET
    @Path("/coverage")
    @PermitAll
    @Operation(summary = "Which Core modules teach each Core topic and serve each outcome")
    public Coverage coverage() {
        Curriculum curriculum = catalogue.curriculum();
        return new Coverage(
                curriculum.coreTopics(),
                curriculum.coverage(false),
                curriculum.coreOutcomes(),
                curriculum.coverage(true));
    }

    private DayView day(int number, Day day) {
        Curriculum curriculum = catalogue.curriculum();
        List<SlotView> slots = new ArrayList<>();
        for (AgendaItem item : day.agenda()) {
            if (item.module() != null) {
                var module = curriculum.module(item.module()).orElseThrow();
                slots.add(new SlotView(
                        item.at(),
                        module.minutes(),
                        "module",
                        module.id(),
                        module.title(),
                        module.summary(),
                        module.tasks()));
            } else {
                slots.add(new SlotView(item.at(), item.minutes(), "break", null, item.breakTitle(), null, List.of()));
            }
        }
        return new DayView(number, day.title(), day.starts(), day.ends(), slots);
    }
}
