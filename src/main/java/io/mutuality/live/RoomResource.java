package io.mutuality.live;

import io.mutuality.identity.Roles;
import io.mutuality.live.LiveApi.RoomView;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Opening a training day's live room. */
@Path("/organisations/{organisationId}/cohorts/{cohortId}/days/{dayNumber}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class RoomResource {

    @Inject
    RoomService rooms;

    @Inject
    RoomReports reports;

    /** A trainer's correction of someone's attendance. */
    public record AttendanceCorrection(
            @jakarta.validation.constraints.NotNull Boolean present,

            @jakarta.validation.constraints.Min(0) @jakarta.validation.constraints.Max(1440)
            Integer minutes,

            @jakarta.validation.constraints.Size(max = 300) String note) {}

    @jakarta.ws.rs.GET
    @Path("/attendance")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Who was in the day's room: first join, last leave, minutes present (trainers)")
    public java.util.List<RoomReports.AttendanceRow> attendance(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("dayNumber") int dayNumber) {
        return reports.attendance(organisation, cohort, dayNumber);
    }

    @jakarta.ws.rs.PUT
    @Path("/attendance/{participantId}")
    @RolesAllowed(Roles.STAFF)
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct someone's attendance for the day (trainers)")
    public RestResponse<Void> correctAttendance(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("dayNumber") int dayNumber,
            @PathParam("participantId") java.util.UUID participantId,
            @jakarta.validation.constraints.NotNull @jakarta.validation.Valid AttendanceCorrection correction) {
        reports.correct(
                organisation,
                cohort,
                dayNumber,
                participantId,
                correction.present(),
                correction.minutes(),
                correction.note());
        return RestResponse.noContent();
    }

    @jakarta.ws.rs.GET
    @Path("/room/summary")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The day as the room saw it: agenda and timings, check-ins, shared notes; nothing private")
    public RoomReports.Summary summary(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("dayNumber") int dayNumber) {
        return reports.summary(organisation, cohort, dayNumber);
    }

    @POST
    @Path("/room")
    @RolesAllowed(Roles.STAFF)
    @Operation(
            summary = "Open the live room of a training day (or get the one already open)",
            description = "From the day before the day; earlier only with early=true (409 otherwise, with an error on "
                    + "the field early). Never for a draft cohort (409).")
    public RestResponse<RoomView> open(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("dayNumber") int dayNumber,
            @jakarta.ws.rs.QueryParam("early") boolean early,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        RoomService.Opened opened = rooms.open(organisation, cohort, dayNumber, early);
        RoomView view = view(opened);
        // the room is a resource of its own: GET on the same path reads it back
        URI location = uri.getAbsolutePath();
        return opened.isNew()
                ? RestResponse.ResponseBuilder.<RoomView>created(location)
                        .entity(view)
                        .build()
                : RestResponse.ok(view);
    }

    @jakarta.ws.rs.GET
    @Path("/room")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "The live room of a training day, once it has been opened (404 before)")
    public RestResponse<RoomView> room(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("dayNumber") int dayNumber) {
        return rooms.find(organisation, cohort, dayNumber)
                .map(RoomResource::view)
                .<RestResponse<RoomView>>map(RestResponse::ok)
                .orElseThrow(() -> io.mutuality.common.ProblemException.notFound("open room for day " + dayNumber));
    }

    private static RoomView view(RoomService.Opened opened) {
        Room room = opened.room();
        return new RoomView(
                room.code,
                room.cohortId,
                opened.day().cohortTitle(),
                room.dayNumber,
                room.closesAt,
                "/join/" + room.code);
    }

    @jakarta.ws.rs.GET
    @Path("/attendance/export")
    @RolesAllowed(Roles.STAFF)
    @Produces("text/csv")
    @Operation(summary = "The day's attendance as CSV")
    public RestResponse<String> attendanceCsv(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("dayNumber") int dayNumber) {
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        for (RoomReports.AttendanceRow row : reports.attendance(organisation, cohort, dayNumber)) {
            rows.add(java.util.Arrays.asList(
                    dayNumber,
                    row.name(),
                    row.present() ? "yes" : "no",
                    row.minutesPresent(),
                    row.firstJoined(),
                    row.lastLeft(),
                    row.corrected() ? "yes" : "no",
                    row.note()));
        }
        String csv = io.mutuality.common.Csv.write(
                java.util.List.of(
                        "day", "name", "present", "minutesPresent", "firstJoined", "lastLeft", "corrected", "note"),
                rows);
        return RestResponse.ResponseBuilder.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"attendance-day-" + dayNumber + ".csv\"")
                .build();
    }
}
