package io.mutuality.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offers of freed seats, without Quarkus or a database. */
class OffersTest {

    private static final Instant NOW = Instant.parse("2027-02-03T10:00:00Z");

    @Test
    void eachFreeSeatGoesToTheNextPersonWaitingInOrder() {
        List<String> waiting = List.of("first", "second", "third");
        assertThat(Offers.next(10, 8, waiting)).containsExactly("first", "second");
        assertThat(Offers.next(10, 9, waiting)).containsExactly("first");
        assertThat(Offers.next(10, 3, waiting)).containsExactly("first", "second", "third");
    }

    @Test
    void noSeatIsOfferedWhileEverySeatIsHeldOrThePoolShrankBelowItsHolders() {
        List<String> waiting = List.of("first");
        assertThat(Offers.next(10, 10, waiting)).isEmpty();
        assertThat(Offers.next(4, 6, waiting)).isEmpty();
        assertThat(Offers.next(10, 2, List.<String>of())).isEmpty();
    }

    @Test
    void anOfferStandsUntilJustBeforeItsExpiryAndLapsesAtIt() {
        Instant expires = Offers.expiresAt(NOW, Duration.ofHours(48));
        assertThat(expires).isEqualTo(Instant.parse("2027-02-05T10:00:00Z"));
        assertThat(Offers.lapsed(RegistrationStatus.OFFERED, expires, expires.minusMillis(1)))
                .isFalse();
        assertThat(Offers.lapsed(RegistrationStatus.OFFERED, expires, expires)).isTrue();
        assertThat(Offers.lapsed(RegistrationStatus.OFFERED, expires, expires.plusSeconds(60)))
                .isTrue();
    }

    @Test
    void onlyAnOfferCanLapse() {
        Instant past = NOW.minusSeconds(3600);
        for (RegistrationStatus status : RegistrationStatus.values()) {
            assertThat(Offers.lapsed(status, past, NOW))
                    .as(status.name())
                    .isEqualTo(status == RegistrationStatus.OFFERED);
        }
    }

    @Test
    void aCohortIsFullWhenEveryPublicPoolIsTakenWhateverItsOwnStaffSeats() {
        List<Seating.Pool> pools = List.of(
                new Seating.Pool("staff", "Our staff", 4, false),
                new Seating.Pool("open", "Open seats", 8, true),
                new Seating.Pool("bursary", "Bursary seats", 2, true));
        assertThat(Offers.full(pools, Map.of("staff", 0L, "open", 8L, "bursary", 2L)::get))
                .isTrue();
        assertThat(Offers.full(pools, Map.of("staff", 4L, "open", 8L, "bursary", 1L)::get))
                .isFalse();
        assertThat(Offers.full(pools, Map.of("staff", 4L, "open", 7L, "bursary", 2L)::get))
                .isFalse();
    }

    @Test
    void aWaitlistPlaceCountsThoseWaitingAtOrBeforeInTheSamePool() {
        assertThat(Offers.waitlistPlace(7, List.of(3L, 7L, 12L))).isEqualTo(2);
        assertThat(Offers.waitlistPlace(3, List.of(3L, 7L, 12L))).isEqualTo(1);
    }
}
