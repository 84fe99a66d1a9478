package io.mutuality.common;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The application's rate limiters by name, swept on a schedule so their memory stays bounded. */
@ApplicationScoped
public class RateLimits {

    @Inject
    Clock clock;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    public RateLimiter limiter(String name, int limit, Duration window) {
        return limiters.computeIfAbsent(name, n -> new RateLimiter(limit, window, clock));
    }

    @Scheduled(every = "10m", delayed = "10m")
    void sweep() {
        limiters.values().forEach(RateLimiter::sweep);
    }
}
