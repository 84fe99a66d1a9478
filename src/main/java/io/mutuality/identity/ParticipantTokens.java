package io.mutuality.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Room-scoped participant tokens: who, which room of which cohort, until when, signed with
 * HMAC-SHA256. Pure, so it is tested without Quarkus; the key comes from {@link PlatformSecrets}.
 */
public final class ParticipantTokens {

    private static final String VERSION = "p1";
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    /** What a valid token says. */
    public record Claims(UUID participantId, UUID roomId, UUID cohortId, UUID organisationId, Instant expiresAt) {}

    private final byte[] key;

    public ParticipantTokens(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The signing key needs at least 256 bits");
        }
        this.key = key.clone();
    }

    public String issue(Claims claims) {
        String payload = String.join(
                "|",
                VERSION,
                claims.participantId().toString(),
                claims.roomId().toString(),
                claims.cohortId() == null ? "-" : claims.cohortId().toString(),
                claims.organisationId().toString(),
                Long.toString(claims.expiresAt().getEpochSecond()));
        String body = ENCODE.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return body + "." + ENCODE.encodeToString(sign(body));
    }

    /** The claims of a token that is well formed, signed with our key and not expired. */
    public Optional<Claims> verify(String token, Instant now) {
        if (token == null || token.length() > 400) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String body = token.substring(0, dot);
        try {
            byte[] signature = DECODE.decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, sign(body))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODE.decode(body), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 6 || !VERSION.equals(parts[0])) {
                return Optional.empty();
            }
            Claims claims = new Claims(
                    UUID.fromString(parts[1]),
                    UUID.fromString(parts[2]),
                    parts[3].equals("-") ? null : UUID.fromString(parts[3]),
                    UUID.fromString(parts[4]),
                    Instant.ofEpochSecond(Long.parseLong(parts[5])));
            return now.isBefore(claims.expiresAt()) ? Optional.of(claims) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
