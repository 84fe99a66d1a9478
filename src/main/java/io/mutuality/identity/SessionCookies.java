package io.mutuality.identity;

import io.mutuality.identity.IdentityApi.AccountView;
import io.mutuality.identity.IdentityApi.MembershipView;
import io.mutuality.identity.IdentityApi.SessionView;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Starts a session for an account and answers with its cookies: the session token
 * (HttpOnly, SameSite=Lax) and the CSRF token the client echoes in a header (readable,
 * SameSite=Strict). Both are Secure when the request came over TLS.
 */
@ApplicationScoped
public class SessionCookies {

    @Inject
    SessionService sessions;

    @Inject
    IdentityConfig config;

    @Inject
    OrganisationDirectory organisations;

    public RestResponse<SessionView> start(Account account, HttpServerRequest http) {
        WebSession.Started started = sessions.start(account.id());
        int maxAge = (int) config.sessionLifetime().toSeconds();
        return RestResponse.ResponseBuilder.ok(view(account, started.session().csrfToken))
                .cookie(
                        cookie(
                                Authentication.SESSION_COOKIE,
                                started.token(),
                                maxAge,
                                true,
                                http,
                                NewCookie.SameSite.LAX),
                        cookie(
                                Authentication.CSRF_COOKIE,
                                started.session().csrfToken,
                                maxAge,
                                false,
                                http,
                                NewCookie.SameSite.STRICT))
                .build();
    }

    public RestResponse<Void> clear(HttpServerRequest http) {
        return RestResponse.ResponseBuilder.<Void>noContent()
                .cookie(
                        cookie(Authentication.SESSION_COOKIE, "", 0, true, http, NewCookie.SameSite.LAX),
                        cookie(Authentication.CSRF_COOKIE, "", 0, false, http, NewCookie.SameSite.STRICT))
                .build();
    }

    public SessionView view(Account account, String csrf) {
        Map<UUID, Role> memberships = SessionService.memberships(account.id);
        Map<UUID, String> names = organisations.names(memberships.keySet());
        List<MembershipView> list = memberships.entrySet().stream()
                .map(e -> new MembershipView(e.getKey(), names.getOrDefault(e.getKey(), ""), e.getValue()))
                .sorted(Comparator.comparing(MembershipView::organisationName))
                .toList();
        return new SessionView(
                new AccountView(account.id, account.email(), account.displayName(), account.platformAdmin()),
                list,
                csrf);
    }

    private static NewCookie cookie(
            String name,
            String value,
            int maxAge,
            boolean httpOnly,
            HttpServerRequest http,
            NewCookie.SameSite sameSite) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .maxAge(maxAge)
                .httpOnly(httpOnly)
                .secure("https".equalsIgnoreCase(http.scheme()))
                .sameSite(sameSite)
                .build();
    }
}
