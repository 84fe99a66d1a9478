package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.identity.IdentityConfig;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Interest in a course in a place: people register it, the organisation sees the demand and invites them when it opens a cohort. */
@ApplicationScoped
public class InterestService {

    public record InterestRequest(
            @NotBlank @Size(max = 64) String courseId,

            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String place,

            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String name,

            @NotBlank @Email @Size(max = 320) String email) {}

    /** How many people asked for a course in a place, and how many of them have not been invited yet. */
    public record Demand(String courseId, String courseTitle, String place, int people, int notYetInvited) {}

    public record InviteRequest(
            @NotBlank @Size(max = 64) String courseId,
            @NotBlank @Size(max = 120) String place,
            @jakarta.validation.constraints.NotNull UUID cohortId) {}

    public record Invited(int invited) {}

    /** What the public interest page offers: the organisation and its courses. */
    public record InterestPage(String organisationName, List<Map<String, String>> courses) {}

    @Inject
    SchedulingService scheduling;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    Mailer mailer;

    @Inject
    IdentityConfig identity;

    @Inject
    Clock clock;

    @Transactional
    public InterestPage page(OrganisationId organisation) {
        String name =
                scheduling.organisationName(organisation).orElseThrow(() -> ProblemException.notFound("organisation"));
        List<Map<String, String>> courses = new ArrayList<>();
        catalogue.courses().forEach(c -> courses.add(Map.of("id", c.id(), "title", c.title())));
        return new InterestPage(name, courses);
    }

    /** Someone registers interest; asking twice for the same course and place is one interest. */
    @Transactional
    public void register(OrganisationId organisation, InterestRequest request) {
        scheduling.organisationName(organisation).orElseThrow(() -> ProblemException.notFound("organisation"));
        if (catalogue.course(request.courseId()).isEmpty()) {
            throw ProblemException.rule("courseId", "There is no course '" + request.courseId() + "'.");
        }
        boolean known = Interest.count(
                        "organisationId = ?1 and courseId = ?2 and placeKey = ?3 and emailKey = ?4",
                        organisation.value(),
                        request.courseId(),
                        Interest.placeKey(request.place()),
                        Registration.emailKey(request.email()))
                > 0;
        if (!known) {
            Interest.of(
                            organisation.value(),
                            request.courseId(),
                            request.place(),
                            request.name(),
                            request.email(),
                            clock.instant())
                    .persist();
        }
    }

    @Transactional
    public List<Demand> demand(OrganisationId organisation) {
        Map<String, List<Interest>> byKey = new LinkedHashMap<>();
        for (Interest interest : Interest.<Interest>list(
                "organisationId = ?1 order by courseId, placeKey, createdAt", organisation.value())) {
            byKey.computeIfAbsent(interest.courseId + "|" + interest.placeKey, k -> new ArrayList<>())
                    .add(interest);
        }
        List<Demand> demand = new ArrayList<>();
        byKey.values().forEach(list -> {
            Interest first = list.get(0);
            demand.add(new Demand(
                    first.courseId,
                    catalogue.course(first.courseId).map(c -> c.title()).orElse(first.courseId),
                    first.place,
                    list.size(),
                    (int) list.stream().filter(i -> i.invitedAt == null).count()));
        });
        demand.sort((a, b) -> Integer.compare(b.people(), a.people()));
        return demand;
    }

    /** Emails everyone who asked for this course in this place, and has not been invited to this cohort, its registration link. */
    @Transactional
    public Invited invite(OrganisationId organisation, InviteRequest request) {
        Cohort cohort = scheduling
                .cohort(organisation, new CohortId(request.cohortId()))
                .orElseThrow(() -> ProblemException.notFound("cohort"));
        if (!cohort.takesRegistrations()) {
            throw ProblemException.conflict(
                    "Open the cohort for registration first, so that the people you invite can register.");
        }
        if (!cohort.getCourseId().equals(request.courseId())) {
            throw ProblemException.rule("cohortId", "That cohort runs a different course.");
        }
        String link = identity.publicUrl().replaceAll("/+$", "") + "/register/" + cohort.getId();
        int invited = 0;
        for (Interest interest : Interest.<Interest>list(
                "organisationId = ?1 and courseId = ?2 and placeKey = ?3",
                organisation.value(),
                request.courseId(),
                Interest.placeKey(request.place()))) {
            if (cohort.getId().equals(interest.invitedCohortId)) {
                continue;
            }
            mailer.send(Mail.withText(
                    interest.email,
                    "A training you asked about: " + cohort.getTitle(),
                    "Hello " + interest.name
                            + ",\n\nYou told us you would like "
                            + catalogue
                                    .course(cohort.getCourseId())
                                    .map(c -> c.title())
                                    .orElse("this course")
                            + " in " + interest.place + ". We have now planned " + cohort.getTitle()
                            + ", and you are welcome to register:\n"
                            + link + "\n\nThere is no need to reply if it is not for you this time.\n"));
            interest.invited(cohort.getId(), clock.instant());
            invited++;
        }
        return new Invited(invited);
    }
}
