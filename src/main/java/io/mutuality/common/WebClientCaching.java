package io.mutuality.common;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * How long a browser may keep the web client's files. The built scripts and styles carry a hash
 * of their content in their names (Vite), so they are kept a year and never asked for again; the
 * page that names them ({@code index.html}, served for every page of the app) and anything
 * unhashed is asked for again each time ({@code no-cache}: the browser revalidates with
 * {@code Last-Modified}), so an upgrade reaches everyone at their next page load. The API, the
 * socket and the management paths set their own.
 *
 * <p>Set just before the headers go out, because the static file handler writes its own default
 * (a day, {@code immutable}) that would keep an old page for a day after an upgrade.
 */
public class WebClientCaching {

    /** A year: the longest a cache should keep anything. */
    public static final String HASHED = "public, max-age=31536000, immutable";

    public static final String REVALIDATE = "no-cache";

    /** Vite's output: {@code /assets/name-<hash>.ext}, the hash 8 characters of base64url. */
    private static final Pattern HASHED_ASSET = Pattern.compile("^/assets/[^/]+-[A-Za-z0-9_-]{8}\\.[a-z0-9]+$");

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String path = ctx.normalizedPath();
            if (!path.startsWith("/api/") && !path.startsWith("/ws/") && !path.startsWith("/q/")) {
                ctx.response().headersEndHandler(ignored -> {
                    if (ctx.response().getStatusCode() < 400) {
                        ctx.response().headers().set("Cache-Control", cacheControl(path));
                    }
                });
            }
            ctx.next();
        });
    }

    /** What a web client path may be cached for. */
    public static String cacheControl(String path) {
        return HASHED_ASSET.matcher(path).matches() ? HASHED : REVALIDATE;
    }
}
