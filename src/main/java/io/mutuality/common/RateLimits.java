package io.mutuality.common;

import io.mutuality.cluster.ClusterConfig;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's rate limiters by name. On a single node they count in memory; with several
 * nodes ({@code mutuality.bus=redis}) they count in Redis, shared by all, with this node's memory
 * as the fallback while Redis does not answer ({@link RedisRateLimiter}). The memory counts are
 * swept on a schedule so they stay bounded.
 */
@ApplicationScoped
public class RateLimits {

    @Inject
    Clock clock;

    @Inject
    ClusterConfig cluster;

    /** Resolved only when the bus is Redis, so a single node never connects to (or needs) one. */
    @Inject
    Instance<Redis> redis;

    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, MemoryRateLimiter> inMemory = new ConcurrentHashMap<>();
    private final RedisRateLimiter.Outage outage = new RedisRateLimiter.Outage();
    private volatile RedisWindows windows;

    public RateLimiter limiter(String name, int limit, Duration window) {
        return limiters.computeIfAbsent(name, n -> {
            MemoryRateLimiter memory = new MemoryRateLimiter(limit, window, clock);
            inMemory.put(n, memory);
            if (cluster.bus() == ClusterConfig.Bus.REDIS) {
                return new RedisRateLimiter(n, limit, window, windows(), outage, memory, clock);
            }
            return memory;
        });
    }

    /**
     * A limit counted in this node's memory alone, whatever the bus: for what is bound to one
     * connection (and so to one node), where sharing the count would only cost a round trip.
     */
    public RateLimiter local(String name, int limit, Duration window) {
        return limiters.computeIfAbsent(name, n -> {
            MemoryRateLimiter memory = new MemoryRateLimiter(limit, window, clock);
            inMemory.put(n, memory);
            return memory;
        });
    }

    private RedisWindows windows() {
        RedisWindows known = windows;
        if (known == null) {
            synchronized (this) {
                if (windows == null) {
                    windows = new RedisWindows(redis::get);
                }
                known = windows;
            }
        }
        return known;
    }

    @Scheduled(every = "10m", delayed = "10m")
    void sweep() {
        inMemory.values().forEach(MemoryRateLimiter::sweep);
    }
}
