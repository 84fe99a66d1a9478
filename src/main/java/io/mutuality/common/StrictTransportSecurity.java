package io.mutuality.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * Tells browsers to come back only over HTTPS ({@code Strict-Transport-Security}) on every answer
 * to a request that came over HTTPS: directly, or through a trusted proxy that says so in
 * {@code X-Forwarded-Proto} (see {@code MUTUALITY_TRUSTED_PROXIES}). Never on plain HTTP, where
 * the header means nothing and would be a lie on a development machine.
 */
public class StrictTransportSecurity {

    public static final String HEADER = "Strict-Transport-Security";

    /** A year; subdomains are left alone, since Mutuality may share a domain with other services. */
    public static final String VALUE = "max-age=31536000";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            // the scheme is the forwarded one only when the request came from a trusted proxy
            if ("https".equalsIgnoreCase(ctx.request().scheme())) {
                ctx.response().putHeader(HEADER, VALUE);
            }
            ctx.next();
        });
    }
}
