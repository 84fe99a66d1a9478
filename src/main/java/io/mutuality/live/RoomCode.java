package io.mutuality.live;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The short code participants type to join a room: six characters from an alphabet with no
 * look-alikes (no 0/O, 1/I/L), easy to read aloud in two groups of three. 31^6 is about 887
 * million codes; joining is rate-limited, so guessing an open one is impractical.
 */
public record RoomCode(String value) {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 6;

    public RoomCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            throw new IllegalArgumentException("not a room code");
        }
    }

    /** Reads a code as people type it: any case, with spaces or dashes. */
    public static Optional<RoomCode> parse(String typed) {
        if (typed == null || typed.length() > 20) {
            return Optional.empty();
        }
        String normal = typed.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "");
        try {
            return Optional.of(new RoomCode(normal));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** JAX-RS path parameters: an impossible code answers 404 like an unknown one. */
    public static RoomCode fromString(String typed) {
        return parse(typed).orElseThrow(() -> new IllegalArgumentException("not a room code"));
    }

    public static RoomCode random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new RoomCode(code.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
