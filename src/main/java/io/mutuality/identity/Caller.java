package io.mutuality.identity;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Who is calling, in the terms the features need. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    /** A caller for an identity established outside a REST request (a WebSocket upgrade). */
    public static Caller of(SecurityIdentity identity) {
        Caller caller = new Caller();
        caller.identity = identity;
        return caller;
    }

    public Optional<AccountId> account() {
        UUID id = identity.getAttribute(Authentication.ACCOUNT_ID);
        return Optional.ofNullable(id).map(AccountId::new);
    }

    public AccountId requireAccount() {
        return account().orElseThrow(io.quarkus.security.UnauthorizedException::new);
    }

    public boolean isPlatformAdmin() {
        return identity.hasRole(Roles.PLATFORM_ADMIN);
    }

    /** The caller's role in an organisation, if they are a member. */
    public Optional<Role> roleIn(UUID organisationId) {
        return Optional.ofNullable(memberships().get(organisationId));
    }

    /** Whether the caller may see this organisation's data at all. */
    public boolean canSee(UUID organisationId) {
        return isPlatformAdmin() || memberships().containsKey(organisationId);
    }

    /** Organisation admins of it, and platform admins, administer an organisation. */
    public boolean administers(UUID organisationId) {
        return isPlatformAdmin()
                || roleIn(organisationId).filter(r -> r == Role.ORG_ADMIN).isPresent();
    }

    public Set<UUID> organisations() {
        return memberships().keySet();
    }

    public Optional<ParticipantTokens.Claims> participant() {
        return Optional.ofNullable(identity.getAttribute(Authentication.PARTICIPANT));
    }

    public Optional<UUID> sessionId() {
        return Optional.ofNullable(identity.getAttribute(Authentication.SESSION_ID));
    }

    public Optional<String> csrfToken() {
        return Optional.ofNullable(identity.getAttribute(Authentication.CSRF_TOKEN));
    }

    private Map<UUID, Role> memberships() {
        Map<UUID, Role> memberships = identity.getAttribute(Authentication.MEMBERSHIPS);
        return memberships == null ? Map.of() : memberships;
    }
}
