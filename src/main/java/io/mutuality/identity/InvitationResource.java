package io.mutuality.identity;

import io.mutuality.identity.IdentityApi.AcceptInvitation;
import io.mutuality.identity.IdentityApi.InvitationPreview;
import io.mutuality.identity.IdentityApi.SessionView;
import io.vertx.core.http.HttpServerRequest;
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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The page an emailed invitation link opens: see the invitation, accept it. No sign-in needed. */
@Path("/invitations/{token}")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Members")
public class InvitationResource {

    @Inject
    InvitationService invitations;

    @Inject
    SessionCookies cookies;

    @Inject
    OrganisationDirectory organisations;

    @GET
    @Operation(summary = "What an invitation link is for")
    public InvitationPreview preview(@PathParam("token") String token) {
        Invitation invitation = invitations.open(token);
        String name =
                organisations.names(List.of(invitation.organisationId)).getOrDefault(invitation.organisationId, "");
        return new InvitationPreview(
                name,
                invitation.getEmail(),
                invitation.getRole(),
                invitation.getExpiresAt(),
                invitations.accountExists(invitation));
    }

    @POST
    @Path("/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept an invitation and sign in")
    public RestResponse<SessionView> accept(
            @PathParam("token") String token, @NotNull @Valid AcceptInvitation request, HttpServerRequest http) {
        Account account = invitations.accept(token, Optional.ofNullable(request.displayName()), request.password());
        return cookies.start(account, http);
    }
}
