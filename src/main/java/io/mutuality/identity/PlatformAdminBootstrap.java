package io.mutuality.identity;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * A new installation needs one platform admin to add organisations. Set
 * MUTUALITY_IDENTITY_BOOTSTRAP_ADMIN_EMAIL and ..._PASSWORD; on start the account is created
 * (or an existing one promoted) once. The password is never logged.
 */
@ApplicationScoped
public class PlatformAdminBootstrap {

    private static final Logger LOG = Logger.getLogger(PlatformAdminBootstrap.class);

    @Inject
    IdentityConfig config;

    @Inject
    IdentityService identity;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (config.bootstrapAdminEmail().isEmpty()) {
            return;
        }
        String email = config.bootstrapAdminEmail().get();
        Account account = identity.findByEmail(email).orElseGet(() -> {
            String password = config.bootstrapAdminPassword()
                    .orElseThrow(() -> new IllegalStateException(
                            "Set mutuality.identity.bootstrap-admin-password to create the platform admin " + email));
            return identity.openAccount(email, "Platform admin", password);
        });
        if (!account.platformAdmin()) {
            identity.makePlatformAdmin(account.id());
            LOG.infof("%s is now a platform admin", account.email());
        }
    }
}
