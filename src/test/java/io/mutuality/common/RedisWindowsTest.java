package io.mutuality.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.cluster.LocalRedis;
import io.mutuality.common.MemoryRateLimiterTest.ManualClock;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two nodes share one limit through a real Redis: runs when Redis answers at
 * {@code MUTUALITY_REDIS_URL} (default 127.0.0.1:6379), and is skipped where there is none.
 */
class RedisWindowsTest {

    static final String URL = LocalRedis.URL;

    private static Vertx vertx;

    @BeforeAll
    static void redis() {
        Assumptions.assumeTrue(
                LocalRedis.reachable(), "no Redis at " + URL + ": the shared rate limit is not tried here");
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }

    /** A node: its own client, its own memory and outage, the same Redis. */
    private RedisRateLimiter node(String limiter, int limit, Duration window, ManualClock clock) {
        Redis client = Redis.createClient(vertx, URL);
        return new RedisRateLimiter(
                limiter,
                limit,
                window,
                new RedisWindows(() -> client),
                new RedisRateLimiter.Outage(),
                new MemoryRateLimiter(limit, window, clock),
                clock);
    }

    @Test
    void twoNodesShareOneLimit() {
        ManualClock clock = new ManualClock();
        String limiter = "sign-in-test-" + UUID.randomUUID();
        RedisRateLimiter a = node(limiter, 3, Duration.ofMinutes(10), clock);
        RedisRateLimiter b = node(limiter, 3, Duration.ofMinutes(10), clock);

        assertThat(a.acquire("ana@example.test")).isZero();
        clock.now = clock.now.plusSeconds(60);
        assertThat(b.acquire("ana@example.test")).isZero();
        assertThat(a.acquire("ana@example.test")).isZero();
        // three attempts between the two nodes: the limit is reached on both
        assertThat(b.acquire("ana@example.test")).isBetween(540L, 541L);
        assertThat(a.acquire("ana@example.test")).isBetween(540L, 541L);
        assertThat(a.acquire("ben@example.test")).as("keys are counted apart").isZero();
    }

    @Test
    void theWindowSlidesAndRefusedAttemptsAreNotCounted() {
        ManualClock clock = new ManualClock();
        String limiter = "joins-test-" + UUID.randomUUID();
        RedisRateLimiter a = node(limiter, 2, Duration.ofMinutes(1), clock);
        RedisRateLimiter b = node(limiter, 2, Duration.ofMinutes(1), clock);
        a.acquire("10.0.0.1");
        clock.now = clock.now.plusSeconds(30);
        b.acquire("10.0.0.1");
        for (int i = 0; i < 20; i++) {
            assertThat(a.acquire("10.0.0.1")).isPositive();
        }
        clock.now = clock.now.plusSeconds(31);
        assertThat(b.acquire("10.0.0.1"))
                .as("the first attempt has left the window")
                .isZero();
        assertThat(a.acquire("10.0.0.1")).isPositive();
    }

    @Test
    void redisKeysDoNotCarryWhatTheyCountAndExpireWithTheWindow() {
        ManualClock clock = new ManualClock();
        String limiter = "keys-test-" + UUID.randomUUID();
        node(limiter, 5, Duration.ofMinutes(1), clock).acquire("someone@example.test");
        Redis client = Redis.createClient(vertx, URL);
        String key = RedisWindows.redisKey(limiter, "someone@example.test");
        assertThat(key).doesNotContain("someone").startsWith("mutuality:rate-limit:" + limiter + ":");
        long ttl = client.send(Request.cmd(Command.PTTL).arg(key))
                .await()
                .atMost(Duration.ofSeconds(2))
                .toLong();
        assertThat(ttl).isBetween(1L, 60_000L);
    }
}
