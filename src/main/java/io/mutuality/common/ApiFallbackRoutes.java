package io.mutuality.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers with problem+json for what never reaches a REST resource: an unknown path under
 * {@code /api}, and failures the HTTP layer raises itself (for example a body over the size
 * limit).
 */
public class ApiFallbackRoutes {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route("/api/*").order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isOver(length, limit)) {
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                write(ctx, 413);
            } else {
                ctx.next();
            }
        });
        router.route("/api/*").order(Integer.MAX_VALUE).handler(ctx -> write(ctx, 404));
        router.route("/api/*").order(Integer.MIN_VALUE).failureHandler(ctx -> {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            if (ctx.response().headWritten() || status >= 500) {
                ctx.next();
                return;
            }
            write(ctx, status);
        });
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
        Problem problem = Problem.of(type, status, ProblemMapper.describe(status, ctx.request()), ctx.request().path());
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
