package io.mutuality.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "mutuality.identity")
public interface IdentityConfig {

    /** How long a sign-in lasts: long enough for a training day. */
    @WithDefault("14h")
    Duration sessionLifetime();

    /** Wrong passwords in a row before the account is locked. */
    @WithDefault("5")
    int maxFailedSignIns();

    @WithDefault("15m")
    Duration lockout();

    /** Sign-in attempts from one address per ten minutes. */
    @WithDefault("30")
    int signInLimitPerAddress();

    /** Sign-in attempts for one email per ten minutes (lockout applies on top). */
    @WithDefault("10")
    int signInLimitPerAccount();

    /** Joins from one address per minute. */
    @WithDefault("20")
    int joinLimitPerAddress();

    /** Joins into one room per minute, from anywhere. */
    @WithDefault("120")
    int joinLimitPerRoom();

    /** How long an emailed invitation link works. */
    @WithDefault("7d")
    Duration invitationLifetime();

    /** The address people open Mutuality at, used in emailed links. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** Creates this platform admin on start if no account has that email (with bootstrapPassword). */
    Optional<String> bootstrapAdminEmail();

    Optional<String> bootstrapAdminPassword();
}
