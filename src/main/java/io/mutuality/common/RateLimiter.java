package io.mutuality.common;

/**
 * Counts attempts per key in a sliding window and refuses past a limit. {@link RateLimits} gives
 * each caller one: counted in this node's memory ({@link MemoryRateLimiter}), or, when several
 * nodes run ({@code mutuality.bus=redis}), in Redis for all of them at once
 * ({@link RedisRateLimiter}), so N nodes do not multiply a limit.
 */
public interface RateLimiter {

    /**
     * Records an attempt for {@code key}, unless the key is at its limit (a refused attempt is
     * not counted, so it does not lengthen the wait).
     *
     * @return 0 if allowed, otherwise the seconds until the next attempt would be allowed
     */
    long acquire(String key);
}
