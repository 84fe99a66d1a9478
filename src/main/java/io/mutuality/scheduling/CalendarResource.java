package io.mutuality.scheduling;

import io.mutuality.identity.Caller;
import io.mutuality.identity.IdentityConfig;
import io.mutuality.identity.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Calendar feeds to subscribe to, and the links to them. */
@Path("/")
@Tag(name = "Calendars")
public class CalendarResource {

    /** A feed's address. */
    public record FeedLink(String url) {}

    @Inject
    CalendarFeeds feeds;

    @Inject
    SchedulingService scheduling;

    @Inject
    Caller caller;

    @Inject
    IdentityConfig identity;

    FeedLink link(String name) {
        return new FeedLink(identity.publicUrl().replaceAll("/+$", "") + "/api/calendars/" + name + ".ics");
    }

    @GET
    @Path("/calendars/{feed}.ics")
    @PermitAll
    @Produces("text/calendar")
    @Operation(summary = "An iCalendar feed (a cohort's days, or a trainer's), by its signed address")
    public RestResponse<String> feed(@PathParam("feed") String feed) {
        return RestResponse.ResponseBuilder.ok(feeds.feed(feed), "text/calendar; charset=utf-8")
                .header("Cache-Control", "private, max-age=900")
                .build();
    }

    @GET
    @Path("/calendars/mine")
    @RolesAllowed(Roles.STAFF)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The address of your own feed: every day you are booked to train")
    public FeedLink mine() {
        return link(feeds.feedName(
                CalendarFeeds.TRAINER, caller.account().orElseThrow().value()));
    }

    /** The address of a cohort's feed (served by {@link CohortResource}, where cohort paths belong). */
    FeedLink cohortLink(CohortId cohortId) {
        return link(feeds.feedName(CalendarFeeds.COHORT, cohortId.value()));
    }
}
