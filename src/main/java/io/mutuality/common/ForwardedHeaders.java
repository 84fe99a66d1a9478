package io.mutuality.common;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start when proxy address forwarding is on but no proxy is trusted: X-Forwarded-*
 * headers are then ignored (application.properties spells "no proxy" as {@link #NONE}, since
 * Quarkus would trust every address with an empty list), so the operator learns why cookies are
 * not Secure and every client seems to share the proxy's address.
 */
@ApplicationScoped
public class ForwardedHeaders {

    private static final Logger LOG = Logger.getLogger(ForwardedHeaders.class);

    /** The default of MUTUALITY_TRUSTED_PROXIES: a range no client ever connects from. */
    public static final String NONE = "0.0.0.0/32";

    @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
    boolean forwarding;

    @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
    Optional<String> trusted;

    void check(@Observes StartupEvent started) {
        if (forwarding && trusted.map(String::strip).map(NONE::equals).orElse(true)) {
            LOG.warn("Proxy address forwarding is on, but MUTUALITY_TRUSTED_PROXIES names no proxy, so X-Forwarded-* "
                    + "headers are ignored: set it to your reverse proxy's address or network (see README)");
        }
    }
}
