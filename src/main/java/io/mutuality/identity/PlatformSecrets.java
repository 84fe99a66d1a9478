package io.mutuality.identity;

import io.mutuality.common.Secrets;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing keys, made once and kept in the database so that restarts and other nodes use the
 * same ones. Two nodes starting together may race to create a key: the primary key lets
 * one win and the other reads it.
 */
@ApplicationScoped
public class PlatformSecrets {

    static final String PARTICIPANT_TOKENS = "participant-tokens";

    @Inject
    Clock clock;

    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    public byte[] get(String name) {
        return cache.computeIfAbsent(name, this::loadOrCreate);
    }

    private byte[] loadOrCreate(String name) {
        byte[] existing = QuarkusTransaction.requiringNew().call(() -> read(name));
        if (existing != null) {
            return existing;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                PlatformSecret secret = new PlatformSecret();
                secret.name = name;
                secret.secret = Secrets.token(64);
                secret.createdAt = clock.instant();
                secret.persist();
            });
        } catch (RuntimeException raceLost) {
            // another node created it first; read theirs below
        }
        return QuarkusTransaction.requiringNew().call(() -> read(name));
    }

    /**
     * An HMAC-SHA256 of {@code text} under the named platform key, base64url without padding:
     * what signed links (registrations, calendar feeds) carry, so that nothing secret is stored.
     */
    public String sign(String name, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(get(name), "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String name) {
        PlatformSecret secret = PlatformSecret.findById(name);
        return secret == null ? null : Base64.getUrlDecoder().decode(secret.secret);
    }
}
