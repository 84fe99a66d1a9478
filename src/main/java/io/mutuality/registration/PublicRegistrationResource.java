package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.common.RateLimiter;
import io.mutuality.common.RateLimits;
import io.mutuality.registration.RegistrationApi.MyRegistration;
import io.mutuality.registration.RegistrationApi.PublicCohort;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.registration.RegistrationApi.RegistrationReceived;
import io.mutuality.scheduling.CohortId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The public side of registration: a cohort's page, registering, each person's own link, and
 * interest in a course. No sign-in. (An organisation here is {@code {organisation}}, not
 * {@code {organisationId}}: that name marks the member-only paths the tenant guard protects.)
 */
@Path("/public")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Registration")
public class PublicRegistrationResource {

    @Inject
    RegistrationService registrations;

    @Inject
    RegistrationViews views;

    @Inject
    RateLimits limits;

    /** Registrations (and interest) per address per minute. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(
            name = "mutuality.registration.limit-per-address",
            defaultValue = "10")
    int limitPerAddress;

    private RateLimiter perAddress;

    @PostConstruct
    void limits() {
        perAddress = limits.limiter("registrations-per-address", limitPerAddress, Duration.ofMinutes(1));
    }

    @GET
    @Path("/cohorts/{cohortId}")
    @Operation(summary = "An open cohort's public page: course, dates, venue, seats left")
    public PublicCohort cohort(@PathParam("cohortId") CohortId cohortId) {
        return views.publicCohort(cohortId);
    }

    @POST
    @Path("/cohorts/{cohortId}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register for a cohort: a seat, or a place on the waitlist. The answer is the same in every "
                    + "case; the email sent to the address says which, with the person's own link")
    public RestResponse<RegistrationReceived> register(
            @PathParam("cohortId") CohortId cohortId, @NotNull @Valid RegisterRequest request, HttpServerRequest http) {
        long wait = perAddress.acquire(http.remoteAddress().hostAddress());
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(
                    "That is a lot of registrations from one place; try again in a minute.", wait);
        }
        boolean sent = registrations.register(cohortId, request).emailSent();
        return RestResponse.status(
                RestResponse.Status.ACCEPTED,
                sent ? RegistrationReceived.CHECK_EMAIL : RegistrationReceived.EMAIL_NOT_SENT);
    }

    @GET
    @Path("/registrations/{token}")
    @Operation(summary = "Your registration, by the private link emailed to you")
    public MyRegistration mine(@PathParam("token") String token) {
        return views.mine(token);
    }

    @POST
    @Path("/registrations/{token}/accept")
    @Operation(summary = "Take the seat offered to you")
    public MyRegistration accept(@PathParam("token") String token) {
        return answered(token, registrations.answer(token, true));
    }

    @POST
    @Path("/registrations/{token}/decline")
    @Operation(summary = "Let the seat offered to you go to the next person")
    public MyRegistration decline(@PathParam("token") String token) {
        return answered(token, registrations.answer(token, false));
    }

    private MyRegistration answered(String token, RegistrationService.Answer answer) {
        if (answer == RegistrationService.Answer.LAPSED) {
            throw ProblemException.conflict("This offer has expired and the seat has gone to the next person waiting. "
                    + "You can register again to join the waitlist.");
        }
        return views.mine(token);
    }

    @POST
    @Path("/registrations/{token}/cancel")
    @Operation(summary = "Cancel your registration (a seat you held goes to the next person waiting)")
    public MyRegistration cancel(@PathParam("token") String token) {
        registrations.cancel(token);
        return views.mine(token);
    }

    @POST
    @Path("/registrations/{token}/evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Answer the end-of-course evaluation, once, by your own link: four open questions, each can be "
                    + "passed; the answer is kept without your name or registration")
    public MyRegistration evaluate(
            @PathParam("token") String token, @NotNull @Valid RegistrationApi.EvaluationRequest request) {
        views.evaluate(token, request);
        return views.mine(token);
    }

    @Inject
    InterestService interest;

    @GET
    @Path("/organisations/{organisation}/interest")
    @Operation(summary = "What the organisation's interest page offers: its name and courses")
    public InterestService.InterestPage interestPage(
            @PathParam("organisation") io.mutuality.scheduling.OrganisationId organisation) {
        return interest.page(organisation);
    }

    @POST
    @Path("/organisations/{organisation}/interest")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say you would like a course in your place, where no cohort is planned yet")
    public RestResponse<Void> registerInterest(
            @PathParam("organisation") io.mutuality.scheduling.OrganisationId organisation,
            @NotNull @Valid InterestService.InterestRequest request,
            HttpServerRequest http) {
        long wait = perAddress.acquire(http.remoteAddress().hostAddress());
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(
                    "That is a lot at once from one place; try again in a minute.", wait);
        }
        interest.register(organisation, request);
        return RestResponse.status(RestResponse.Status.CREATED);
    }

    @Inject
    CompletionService completions;

    @GET
    @Path("/certificates/{code}")
    @Operation(summary = "Check a certificate: whether its code is genuine and still stands")
    public CompletionService.Verification verify(@PathParam("code") String code) {
        return completions.verify(code);
    }

    @GET
    @Path("/registrations/{token}/certificate")
    @Produces("application/pdf")
    @Operation(summary = "Your certificate as PDF, by your own link")
    public RestResponse<byte[]> myCertificate(@PathParam("token") String token) {
        return RestResponse.ResponseBuilder.ok(completions.pdfFor(views.byLink(token)), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"certificate.pdf\"")
                .build();
    }
}
