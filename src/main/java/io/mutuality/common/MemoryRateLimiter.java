package io.mutuality.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link RateLimiter} in this node's memory: each node counts on its own. That bounds guessing
 * per node, and lockout (stored with the account) bounds it across nodes. Pure: the clock is
 * passed in, so it is tested without waiting.
 */
public final class MemoryRateLimiter implements RateLimiter {

    /**
     * Room for a few attempts per key to begin with, not the default sixteen: most keys (one per
     * room connection for its hello, one per person) see a handful in a window, and the deque grows
     * for those that see more.
     */
    private static final int INITIAL_CAPACITY = 3;

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public MemoryRateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public long acquire(String key) {
        Instant now = clock.instant();
        Deque<Instant> times = attempts.computeIfAbsent(key, k -> new ArrayDeque<>(INITIAL_CAPACITY));
        synchronized (times) {
            Instant horizon = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Math.max(
                        1, Duration.between(now, times.peekFirst().plus(window)).toSeconds() + 1);
            }
            times.addLast(now);
            return 0;
        }
    }

    /** Forgets keys whose attempts have all left the window, so memory stays bounded. */
    public void sweep() {
        Instant horizon = clock.instant().minus(window);
        for (Iterator<Map.Entry<String, Deque<Instant>>> it =
                        attempts.entrySet().iterator();
                it.hasNext(); ) {
            Deque<Instant> times = it.next().getValue();
            synchronized (times) {
                if (times.isEmpty() || !times.peekLast().isAfter(horizon)) {
                    it.remove();
                }
            }
        }
    }

    int trackedKeys() {
        return attempts.size();
    }
}
