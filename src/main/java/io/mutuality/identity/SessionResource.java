package io.mutuality.identity;

import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import io.mutuality.common.RateLimiter;
import io.mutuality.common.RateLimits;
import io.mutuality.identity.IdentityApi.PasswordChange;
import io.mutuality.identity.IdentityApi.SessionView;
import io.mutuality.identity.IdentityApi.SignInRequest;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Signing in and out, the current session, and changing one's password. */
@Path("/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session")
public class SessionResource {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** The one answer to a refused sign-in, whatever the reason. */
    static final String SIGN_IN_FAILED =
            "The email or the password is not right. After several wrong passwords in a row, "
                    + "an account is paused for a while; if that may be so, wait a little before trying again.";

    @Inject
    SessionService sessions;

    @Inject
    IdentityProviderManager identities;

    @Inject
    IdentityConfig config;

    @Inject
    Caller caller;

    @Inject
    SessionCookies cookies;

    private RateLimiter perAddress;
    private RateLimiter perEmail;

    @Inject
    RateLimits limits;

    @jakarta.annotation.PostConstruct
    void limits() {
        perAddress = limits.limiter("sign-in-per-address", config.signInLimitPerAddress(), WINDOW);
        perEmail = limits.limiter("sign-in-per-account", config.signInLimitPerAccount(), WINDOW);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in with email and password; sets the session cookie")
    public RestResponse<SessionView> signIn(@NotNull @Valid SignInRequest request, HttpServerRequest http) {
        String email = Account.normaliseEmail(request.email());
        long wait = Math.max(perAddress.acquire(http.remoteAddress().hostAddress()), perEmail.acquire(email));
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(
                    "Too many sign-in attempts. Try again in " + minutes(wait) + ".", wait);
        }
        // A paused account gets the same answer as a wrong password or an unknown email: anything
        // else would tell a stranger which emails have accounts (docs/errors.md, sign-in-failed).
        try {
            identities.authenticateBlocking(new UsernamePasswordAuthenticationRequest(
                    email, new PasswordCredential(request.password().toCharArray())));
        } catch (AuthenticationFailedException e) {
            throw new ProblemException(ProblemType.SIGN_IN_FAILED, SIGN_IN_FAILED);
        }
        return cookies.start(sessions.account(email), http);
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Who is signed in, with their organisations")
    public SessionView current() {
        return cookies.view(
                sessions.account(caller.requireAccount()), caller.csrfToken().orElse(null));
    }

    @DELETE
    @PermitAll
    @Operation(summary = "Sign out")
    public RestResponse<Void> signOut(HttpServerRequest http) {
        caller.sessionId().ifPresent(sessions::end);
        return cookies.clear(http);
    }

    @PUT
    @Path("/password")
    @RolesAllowed(Roles.STAFF)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change one's password; other sessions are signed out")
    public RestResponse<Void> changePassword(@NotNull @Valid PasswordChange change) {
        sessions.changePassword(
                caller.requireAccount(),
                change.currentPassword(),
                change.newPassword(),
                caller.sessionId().orElse(null));
        return RestResponse.noContent();
    }

    static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
