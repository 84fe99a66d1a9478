package io.mutuality.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MemoryRateLimiterTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2027-01-04T09:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void allowsUpToTheLimitThenSaysHowLongToWait() {
        ManualClock clock = new ManualClock();
        MemoryRateLimiter limiter = new MemoryRateLimiter(3, Duration.ofMinutes(10), clock);
        assertThat(limiter.acquire("a")).isZero();
        clock.now = clock.now.plusSeconds(60);
        assertThat(limiter.acquire("a")).isZero();
        assertThat(limiter.acquire("a")).isZero();
        long wait = limiter.acquire("a");
        assertThat(wait).isBetween(540L, 541L);
        assertThat(limiter.acquire("b")).as("keys are counted apart").isZero();
    }

    @Test
    void theWindowSlides() {
        ManualClock clock = new ManualClock();
        MemoryRateLimiter limiter = new MemoryRateLimiter(2, Duration.ofMinutes(1), clock);
        limiter.acquire("a");
        clock.now = clock.now.plusSeconds(30);
        limiter.acquire("a");
        assertThat(limiter.acquire("a")).isPositive();
        clock.now = clock.now.plusSeconds(31);
        assertThat(limiter.acquire("a"))
                .as("the first attempt has left the window")
                .isZero();
        assertThat(limiter.acquire("a")).isPositive();
    }

    @Test
    void refusedAttemptsDoNotExtendTheWait() {
        ManualClock clock = new ManualClock();
        MemoryRateLimiter limiter = new MemoryRateLimiter(1, Duration.ofMinutes(1), clock);
        limiter.acquire("a");
        for (int i = 0; i < 100; i++) {
            limiter.acquire("a");
        }
        clock.now = clock.now.plusSeconds(61);
        assertThat(limiter.acquire("a")).isZero();
    }

    @Test
    void sweepingForgetsQuietKeys() {
        ManualClock clock = new ManualClock();
        MemoryRateLimiter limiter = new MemoryRateLimiter(5, Duration.ofMinutes(1), clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("address-" + i);
        }
        assertThat(limiter.trackedKeys()).isEqualTo(1000);
        clock.now = clock.now.plusSeconds(61);
        limiter.acquire("recent");
        limiter.sweep();
        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }
}
