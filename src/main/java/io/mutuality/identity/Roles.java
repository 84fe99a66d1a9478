package io.mutuality.identity;

/** The security roles a caller's identity carries (organisation roles are per organisation: {@link Role}). */
public final class Roles {

    /** Anyone signed in with an account: organisation admins and trainers. */
    public static final String STAFF = "staff";

    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Someone who joined a room with its code; no account. */
    public static final String PARTICIPANT = "participant";

    private Roles() {}
}
