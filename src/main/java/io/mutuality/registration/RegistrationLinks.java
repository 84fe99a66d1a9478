package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.common.Secrets;
import io.mutuality.identity.PlatformSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A registration's own link: its id and an HMAC of it under a platform key. Nothing secret is
 * stored (only the link's hash, to find it), and every email can carry the same link again.
 */
@ApplicationScoped
public class RegistrationLinks {

    @Inject
    PlatformSecrets secrets;

    /** The link of a registration. */
    String link(UUID registrationId) {
        return registrationId + "." + secrets.sign("registration-links", "registration|" + registrationId);
    }

    /** The hash a registration is found by from its link. */
    String hash(UUID registrationId) {
        return Secrets.hash(link(registrationId));
    }

    /** The registration behind a link; an unknown or malformed link is not found. */
    static Registration registration(String token) {
        if (token == null || token.length() > 100) {
            throw ProblemException.notFound("registration");
        }
        return Registration.<Registration>find("manageTokenHash", Secrets.hash(token))
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("registration"));
    }
}
