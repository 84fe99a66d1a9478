package io.mutuality.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParticipantTokensTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2027-03-01T10:00:00Z");

    private final ParticipantTokens tokens = new ParticipantTokens(KEY);
    private final ParticipantTokens.Claims claims = new ParticipantTokens.Claims(
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            UUID.randomUUID(),
            Instant.parse("2027-03-01T16:30:00Z"));

    @Test
    void aTokenCarriesItsClaimsUntilTheDayEnds() {
        String token = tokens.issue(claims);
        assertThat(tokens.verify(token, NOW)).contains(claims);
        assertThat(tokens.verify(token, claims.expiresAt())).isEmpty();
    }

    @Test
    void aChangedPayloadOrAnotherKeyIsRefused() {
        String token = tokens.issue(claims);
        String body = token.substring(0, token.indexOf('.'));
        String payload = new String(Base64.getUrlDecoder().decode(body), StandardCharsets.UTF_8);
        String otherRoom =
                payload.replace(claims.roomId().toString(), UUID.randomUUID().toString());
        String forged =
                Base64.getUrlEncoder().withoutPadding().encodeToString(otherRoom.getBytes(StandardCharsets.UTF_8))
                        + token.substring(token.indexOf('.'));
        assertThat(tokens.verify(forged, NOW)).isEmpty();

        ParticipantTokens other =
                new ParticipantTokens("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertThat(other.verify(token, NOW)).isEmpty();
    }

    @Test
    void aPracticeRoomTokenHasNoCohort() {
        var practice = new ParticipantTokens.Claims(
                UUID.randomUUID(), UUID.randomUUID(), null, UUID.randomUUID(), Instant.parse("2027-03-01T16:30:00Z"));
        assertThat(tokens.verify(tokens.issue(practice), NOW)).contains(practice);
    }

    @Test
    void garbageIsRefusedQuietly() {
        for (String junk : new String[] {null, "", ".", "a.b.c", "nodot", "%%%.###", "a".repeat(500)}) {
            assertThat(tokens.verify(junk, NOW)).as(String.valueOf(junk)).isEmpty();
        }
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new ParticipantTokens(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
