package io.mutuality.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.common.MemoryRateLimiterTest.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The shared limiter's own rules, with Redis played by a stand-in that answers or fails on cue. */
class RedisRateLimiterTest {

    /** Redis as the limiter sees it: a count per limiter and key, with no window, that can be switched off. */
    static final class StandIn implements RedisRateLimiter.Windows {
        final AtomicBoolean up = new AtomicBoolean(true);
        final AtomicInteger asked = new AtomicInteger();
        final java.util.Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public long acquire(String limiter, String key, int limit, Duration window, Instant now) {
            asked.incrementAndGet();
            if (!up.get()) {
                throw new IllegalStateException("Connection refused: 127.0.0.1:6379");
            }
            String counted = limiter + "/" + key;
            if (counts.getOrDefault(counted, 0) >= limit) {
                return 90_500;
            }
            counts.merge(counted, 1, Integer::sum);
            return 0;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final StandIn redis = new StandIn();
    private final RedisRateLimiter.Outage outage = new RedisRateLimiter.Outage();

    private RedisRateLimiter limiter(String name, int limit) {
        return new RedisRateLimiter(
                name,
                limit,
                Duration.ofMinutes(10),
                redis,
                outage,
                new MemoryRateLimiter(limit, Duration.ofMinutes(10), clock),
                clock);
    }

    @Test
    void whileRedisAnswersItsCountDecidesAndTheWaitIsInWholeSecondsRoundedUp() {
        RedisRateLimiter signIn = limiter("sign-in", 2);
        redis.counts.put("sign-in/ana@example.test", 1); // one attempt counted by another node
        assertThat(signIn.acquire("ana@example.test")).isZero();
        assertThat(signIn.acquire("ana@example.test")).isEqualTo(91);
        assertThat(signIn.acquire("ben@example.test")).isZero();
        assertThat(redis.asked).hasValue(3);
    }

    @Test
    void whenRedisDoesNotAnswerTheLimitIsCountedOnThisNodeAndRedisIsTriedAgainLater() {
        RedisRateLimiter signIn = limiter("sign-in", 2);
        RedisRateLimiter joins = limiter("joins", 5);
        redis.up.set(false);
        try (Warnings warnings = Warnings.capture()) {
            assertThat(signIn.acquire("ana@example.test")).isZero();
            assertThat(signIn.acquire("ana@example.test")).isZero();
            assertThat(signIn.acquire("ana@example.test"))
                    .as("the limit still holds, counted here")
                    .isPositive();
            assertThat(joins.acquire("127.0.0.1")).isZero();
            assertThat(redis.asked)
                    .as("one failure, then no attempt waits on Redis until it is worth trying again")
                    .hasValue(1);
            assertThat(outage.down()).isTrue();

            clock.now = clock.now.plus(RedisRateLimiter.Outage.RETRY);
            assertThat(joins.acquire("127.0.0.1")).isZero();
            assertThat(redis.asked).hasValue(2);
            assertThat(warnings.messages())
                    .as("one warning for the outage, not one per attempt")
                    .hasSize(1)
                    .first()
                    .asString()
                    .contains("counted on each node alone");

            redis.up.set(true);
            clock.now = clock.now.plus(RedisRateLimiter.Outage.RETRY);
            assertThat(signIn.acquire("ben@example.test")).isZero();
            assertThat(outage.down()).isFalse();
            assertThat(redis.counts).containsEntry("sign-in/ben@example.test", 1);
        }
    }

    /** Collects the WARN records RedisRateLimiter logs while installed. */
    static final class Warnings extends Handler implements AutoCloseable {
        private final List<String> messages = new CopyOnWriteArrayList<>();
        private final Logger logger = Logger.getLogger(RedisRateLimiter.class.getName());

        static Warnings capture() {
            Warnings warnings = new Warnings();
            warnings.setLevel(Level.ALL);
            warnings.logger.addHandler(warnings);
            return warnings;
        }

        List<String> messages() {
            return List.copyOf(messages);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                messages.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
