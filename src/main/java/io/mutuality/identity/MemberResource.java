package io.mutuality.identity;

import io.mutuality.identity.IdentityApi.AuditView;
import io.mutuality.identity.IdentityApi.InvitationSent;
import io.mutuality.identity.IdentityApi.InvitationView;
import io.mutuality.identity.IdentityApi.InviteRequest;
import io.mutuality.identity.IdentityApi.MemberView;
import io.mutuality.identity.IdentityApi.RoleChange;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An organisation's members, its pending invitations and its audit log: for its admins. */
@Path("/organisations/{organisationId}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@OrganisationRole(Role.ORG_ADMIN)
@Tag(name = "Members")
public class MemberResource {

    @Inject
    IdentityService identity;

    @Inject
    InvitationService invitations;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @GET
    @Path("/members")
    @Operation(summary = "The organisation's members and their roles")
    public List<MemberView> members(@PathParam("organisationId") UUID organisationId) {
        return identity.members(organisationId).stream()
                .map(m -> identity.find(m.account())
                        .map(a -> new MemberView(a.id().value(), a.displayName(), a.email(), m.role(), m.createdAt))
                        .orElse(null))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(MemberView::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    @PUT
    @Path("/members/{accountId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Change a member's role")
    public MemberView changeRole(
            @PathParam("organisationId") UUID organisationId,
            @PathParam("accountId") AccountId accountId,
            @NotNull @Valid RoleChange change) {
        Membership membership = identity.changeRole(organisationId, accountId, change.role());
        Account account = identity.find(accountId).orElseThrow();
        audit.record(
                organisationId,
                "member.role-changed",
                account.email(),
                "to " + change.role().words());
        return new MemberView(
                account.id().value(), account.displayName(), account.email(), membership.role(), membership.createdAt);
    }

    @DELETE
    @Path("/members/{accountId}")
    @Transactional
    @Operation(
            summary = "Remove a member from the organisation",
            description = "A trainer still booked on cohorts that have not finished is not removed (409, the cohorts "
                    + "listed in errors) unless bookings=unbook, which takes them off those cohorts too. Either way "
                    + "their live rooms and calendar feed for this organisation end with the membership.")
    public RestResponse<Void> remove(
            @PathParam("organisationId") UUID organisationId,
            @PathParam("accountId") AccountId accountId,
            @QueryParam("bookings")
                    @DefaultValue("refuse")
                    @jakarta.validation.constraints.Pattern(regexp = "refuse|unbook", message = "is refuse or unbook")
                    String bookings) {
        String email = identity.find(accountId).map(Account::email).orElse(accountId.toString());
        identity.remove(organisationId, accountId, bookings.equals("unbook"));
        audit.record(organisationId, "member.removed", email, null);
        return RestResponse.noContent();
    }

    @GET
    @Path("/invitations")
    @Operation(summary = "Invitations not yet accepted")
    public List<InvitationView> invitations(@PathParam("organisationId") UUID organisationId) {
        return invitations.pending(organisationId).stream().map(this::view).toList();
    }

    @POST
    @Path("/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Invite someone by email; they get a one-time link. If the email cannot be sent, the "
                            + "invitation still stands and the answer carries the link to pass on another way (emailSent false)")
    public RestResponse<InvitationSent> invite(
            @PathParam("organisationId") UUID organisationId,
            @NotNull @Valid InviteRequest request,
            @Context UriInfo uri) {
        InvitationService.Sent sent =
                invitations.invite(organisationId, request.email(), request.role(), caller.requireAccount());
        Invitation invitation = sent.invitation();
        return RestResponse.ResponseBuilder.<InvitationSent>created(uri.getAbsolutePathBuilder()
                        .path(invitation.getId().toString())
                        .build())
                .entity(new InvitationSent(
                        invitation.getId(),
                        invitation.getEmail(),
                        invitation.getRole(),
                        invitations.inviterName(invitation).orElse(""),
                        invitation.getExpiresAt(),
                        sent.emailSent(),
                        sent.link()))
                .build();
    }

    @DELETE
    @Path("/invitations/{invitationId}")
    @Operation(summary = "Withdraw an invitation")
    public RestResponse<Void> withdraw(
            @PathParam("organisationId") UUID organisationId, @PathParam("invitationId") UUID invitationId) {
        invitations.withdraw(organisationId, invitationId);
        return RestResponse.noContent();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Administrative actions in the organisation, newest first")
    public List<AuditView> audit(
            @PathParam("organisationId") UUID organisationId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return audit.entries(organisationId, limit).stream()
                .map(e -> new AuditView(e.getAt(), e.getActorName(), e.getAction(), e.getTarget(), e.getDetail()))
                .toList();
    }

    private InvitationView view(Invitation invitation) {
        return new InvitationView(
                invitation.getId(),
                invitation.getEmail(),
                invitation.getRole(),
                invitations.inviterName(invitation).orElse(""),
                invitation.getExpiresAt());
    }
}
