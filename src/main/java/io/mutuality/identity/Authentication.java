package io.mutuality.identity;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * How callers are recognised. Staff carry a session cookie; participants carry a room-scoped
 * bearer token. A stale cookie or token makes the caller anonymous rather than failing the
 * request, so public pages keep working. Passwords are checked by {@link PasswordProvider}.
 */
public final class Authentication {

    public static final String SESSION_COOKIE = "mutuality_session";
    public static final String CSRF_COOKIE = "mutuality_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    /** Identity attributes. */
    public static final String ACCOUNT_ID = "accountId";

    public static final String MEMBERSHIPS = "memberships";
    public static final String CSRF_TOKEN = "csrfToken";
    public static final String SESSION_ID = "sessionId";
    public static final String PARTICIPANT = "participant";

    private Authentication() {}

    static final class SessionTokenRequest extends BaseAuthenticationRequest {
        final String token;

        SessionTokenRequest(String token) {
            this.token = token;
        }
    }

    static final class ParticipantTokenRequest extends BaseAuthenticationRequest {
        final String token;

        ParticipantTokenRequest(String token) {
            this.token = token;
        }
    }

    @ApplicationScoped
    public static class Mechanism implements HttpAuthenticationMechanism {

        @Override
        public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
            String authorization = context.request().getHeader("Authorization");
            AuthenticationRequest request = null;
            if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                request = new ParticipantTokenRequest(authorization.substring(7).trim());
            } else {
                Cookie cookie = context.request().getCookie(SESSION_COOKIE);
                if (cookie != null && !cookie.getValue().isBlank()) {
                    request = new SessionTokenRequest(cookie.getValue());
                }
            }
            if (request == null) {
                return Uni.createFrom().nullItem();
            }
            return identities
                    .authenticate(request)
                    .onFailure(AuthenticationFailedException.class)
                    .recoverWithNull();
        }

        @Override
        public Uni<ChallengeData> getChallenge(RoutingContext context) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }

        @Override
        public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
            return Set.of(SessionTokenRequest.class, ParticipantTokenRequest.class);
        }
    }

    /** Email and password against the account table (bcrypt), with lockout. */
    @ApplicationScoped
    public static class PasswordProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

        @Inject
        SessionService sessions;

        @Override
        public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
            return UsernamePasswordAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> {
                var check = sessions.check(
                        request.getUsername(), new String(request.getPassword().getPassword()));
                if (check instanceof SessionService.Check.SignedIn signedIn) {
                    Account account = signedIn.account();
                    return staff(
                            account,
                            QuarkusTransaction.requiringNew().call(() -> SessionService.memberships(account.id)),
                            null,
                            null);
                }
                throw new AuthenticationFailedException();
            });
        }
    }

    @ApplicationScoped
    public static class SessionProvider implements IdentityProvider<SessionTokenRequest> {

        @Inject
        SessionService sessions;

        @Override
        public Class<SessionTokenRequest> getRequestType() {
            return SessionTokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(SessionTokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> sessions.resolve(request.token)
                    .map(r -> staff(r.account(), r.memberships(), r.csrfToken(), r.sessionId()))
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }

    @ApplicationScoped
    public static class ParticipantProvider implements IdentityProvider<ParticipantTokenRequest> {

        @Inject
        PlatformSecrets secrets;

        @Inject
        Clock clock;

        @Override
        public Class<ParticipantTokenRequest> getRequestType() {
            return ParticipantTokenRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(
                ParticipantTokenRequest request, AuthenticationRequestContext context) {
            return context.runBlocking(() -> new ParticipantTokens(secrets.get(PlatformSecrets.PARTICIPANT_TOKENS))
                    .verify(request.token, clock.instant())
                    .map(claims -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                            .setPrincipal(
                                    new QuarkusPrincipal(claims.participantId().toString()))
                            .addRole(Roles.PARTICIPANT)
                            .addAttribute(PARTICIPANT, claims)
                            .build())
                    .orElseThrow(AuthenticationFailedException::new));
        }
    }

    static SecurityIdentity staff(Account account, Map<UUID, Role> memberships, String csrf, UUID sessionId) {
        var builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(account.id.toString()))
                .addRole(Roles.STAFF)
                .addAttribute(ACCOUNT_ID, account.id)
                .addAttribute(MEMBERSHIPS, Map.copyOf(memberships));
        if (account.platformAdmin()) {
            builder.addRole(Roles.PLATFORM_ADMIN);
        }
        if (csrf != null) {
            builder.addAttribute(CSRF_TOKEN, csrf);
            builder.addAttribute(SESSION_ID, sessionId);
        }
        return builder.build();
    }
}
