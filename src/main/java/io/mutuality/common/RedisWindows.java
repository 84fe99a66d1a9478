package io.mutuality.common;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Sliding windows in Redis, one sorted set per limiter and key: the members are the attempts
 * counted, scored by their time. One script does it all in one round trip, atomically: it drops
 * attempts that have left the window, refuses at the limit (saying how long until the oldest
 * leaves), else adds the attempt and lets the set expire with the window. Refused attempts are
 * not added, as in {@link MemoryRateLimiter}. Time comes from the node (its clock is kept by
 * NTP like any server's); a second or so between nodes' clocks moves a window by as much.
 *
 * <p>Keys do not carry what they count (emails, addresses): {@code mutuality:rate-limit:<limiter>:}
 * and the SHA-256 of the key.
 */
public final class RedisWindows implements RedisRateLimiter.Windows {

    /** How long an attempt waits for Redis before it is counted in memory instead. */
    static final Duration TIMEOUT = Duration.ofMillis(500);

    static final String SCRIPT = """
            local key, limit, window, now = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
            redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
            if redis.call('ZCARD', key) >= limit then
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              return math.max(1, tonumber(oldest[2]) + window - now)
            end
            redis.call('ZADD', key, now, ARGV[4])
            redis.call('PEXPIRE', key, window)
            return 0
            """;

    /** Attempts are members of a set, so each needs a name of its own: this node's, and a number. */
    private final String node = Secrets.token(9);

    private final AtomicLong attempts = new AtomicLong();
    private final Supplier<Redis> client;
    private volatile Redis redis;

    /** @param client the Redis client, asked for on the first attempt (so nothing connects before) */
    public RedisWindows(Supplier<Redis> client) {
        this.client = client;
    }

    @Override
    public long acquire(String limiter, String key, int limit, Duration window, Instant now) {
        return redis().send(Request.cmd(Command.EVAL)
                        .arg(SCRIPT)
                        .arg(1)
                        .arg(redisKey(limiter, key))
                        .arg(limit)
                        .arg(window.toMillis())
                        .arg(now.toEpochMilli())
                        .arg(node + ":" + attempts.incrementAndGet()))
                .await()
                .atMost(TIMEOUT)
                .toLong();
    }

    static String redisKey(String limiter, String key) {
        return "mutuality:rate-limit:" + limiter + ":" + Secrets.hash(key);
    }

    private Redis redis() {
        Redis known = redis;
        if (known == null) {
            known = client.get();
            redis = known;
        }
        return known;
    }
}
