package io.mutuality.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers with problem+json for what never reaches a REST resource: an unknown path under
 * {@code /api}, a known path with a method it does not have (405 with {@code Allow}), and
 * failures the HTTP layer raises itself (a body over the size limit, whether it says its
 * length up front or comes in chunks).
 */
public class ApiFallbackRoutes {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        // A chunked body does not say its length: it is read here, up to the limit, before any
        // resource sees it. Past the limit the body handler fails the request with 413, which the
        // failure handler below answers with problem+json.
        BodyHandler chunked = BodyHandler.create(false).setBodyLimit(limit);
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, 413);
            } else if (length == null && isChunked(ctx)) {
                chunked.handle(ctx);
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").order(Integer.MAX_VALUE).handler(this::notFoundOrNotAllowed);
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (ctx.response().headWritten() || status >= 500) {
                ctx.next();
                return;
            }
            if (status == 413) {
                // the rest of the body is not read: the connection cannot be used again
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            }
            write(ctx, status);
        });
    }

    /** No resource took the request: 405 if the path is known with other methods, else 404. */
    private void notFoundOrNotAllowed(RoutingContext ctx) {
        Set<String> allowed = KnownRoutes.allowedMethods(ctx.normalizedPath());
        if (!allowed.isEmpty() && !allowed.contains(ctx.request().method().name())) {
            ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
            write(ctx, 405);
        } else {
            write(ctx, 404);
        }
    }

    private static boolean isChunked(RoutingContext ctx) {
        String encoding = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("chunked");
    }

    private static boolean isOver(String contentLength, long limit) {
        try {
            return Long.parseLong(contentLength.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void write(RoutingContext ctx, int status) {
        if (ctx.response().ended()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        Problem problem = Problem.of(
                type,
                status,
                ProblemMapper.describe(status, ctx.request()),
                ctx.request().path());
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
