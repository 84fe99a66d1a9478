package io.mutuality.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A {@link RateLimiter} whose counts live in Redis, shared by every node (several nodes run with
 * {@code mutuality.bus=redis}): two nodes each taking half of a limit's attempts make one full
 * limit, not two.
 *
 * <p>When Redis does not answer (down, unreachable, slower than {@link RedisWindows#TIMEOUT}),
 * the attempt is counted in this node's memory instead, and a warning is logged once for the
 * outage; Redis is tried again after {@link Outage#RETRY}. Refusing everyone while Redis is down
 * would lock every trainer out of signing in; letting everyone through would leave accounts open
 * to guessing. Counting per node is what a single node always did, and account lockout, stored in
 * the database, still holds across nodes. The per-node count starts from nothing at the start of
 * an outage.
 */
public final class RedisRateLimiter implements RateLimiter {

    /** The shared count of one limiter: a sliding window per key, kept in Redis. */
    @FunctionalInterface
    public interface Windows {
        /**
         * Counts an attempt at {@code now} unless the key is at {@code limit} within {@code window}.
         *
         * @return 0 when counted, otherwise the milliseconds until the key has room
         * @throws RuntimeException when Redis did not answer
         */
        long acquire(String limiter, String key, int limit, Duration window, Instant now);
    }

    private final String name;
    private final int limit;
    private final Duration window;
    private final Windows shared;
    private final Outage outage;
    private final MemoryRateLimiter fallback;
    private final Clock clock;

    public RedisRateLimiter(
            String name,
            int limit,
            Duration window,
            Windows shared,
            Outage outage,
            MemoryRateLimiter fallback,
            Clock clock) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.shared = shared;
        this.outage = outage;
        this.fallback = fallback;
        this.clock = clock;
    }

    @Override
    public long acquire(String key) {
        Instant now = clock.instant();
        if (outage.worthTrying(now)) {
            try {
                long waitMillis = shared.acquire(name, key, limit, window, now);
                outage.answered();
                return waitMillis <= 0 ? 0 : waitMillis / 1000 + 1;
            } catch (RuntimeException e) {
                outage.failed(now, e);
            }
        }
        return fallback.acquire(key);
    }

    /**
     * Whether Redis answered lately, shared by every limiter of the node: an outage is noticed
     * and logged once, and while it lasts each attempt does not wait on Redis again, only one
     * every {@link #RETRY}.
     */
    public static final class Outage {

        private static final Logger LOG = Logger.getLogger(RedisRateLimiter.class);

        /** How long after a failure Redis is tried again. */
        static final Duration RETRY = Duration.ofSeconds(5);

        // read on every attempt without a lock; written under one, when the state changes
        private volatile Instant retryAt;
        private volatile boolean down;

        boolean worthTrying(Instant now) {
            Instant retry = retryAt;
            return retry == null || !now.isBefore(retry);
        }

        /** Whether the last attempt to reach Redis failed. */
        boolean down() {
            return down;
        }

        synchronized void failed(Instant now, RuntimeException cause) {
            retryAt = now.plus(RETRY);
            if (!down) {
                down = true;
                LOG.warnf(
                        "Redis did not answer (%s): until it does, rate limits are counted on each node alone",
                        cause.toString());
            }
        }

        void answered() {
            if (!down && retryAt == null) {
                return;
            }
            synchronized (this) {
                retryAt = null;
                if (down) {
                    down = false;
                    LOG.info("Redis answers again: rate limits are shared by every node again");
                }
            }
        }
    }
}
