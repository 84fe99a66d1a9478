package io.mutuality.common;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The one rule for text that people read as a name or a title (display names, cohort titles,
 * organisation names): Unicode NFC, trimmed, and refused when it hides or reorders what others
 * see. Refused are control characters (NUL included), the direction overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), and text made only of invisible or formatting characters
 * (zero-width spaces and joiners, U+200B–U+200F, U+2060, U+FEFF, fillers and the like).
 * Formatting characters inside real words stay (a zero-width joiner is part of some scripts and
 * emoji). Requests use it through {@link HumanText}; code that takes names from elsewhere calls
 * {@link #name(String, String)}.
 */
public final class Text {

    private Text() {}

    /** NFC and trimmed of every kind of space (no-break and ideographic spaces too); null stays null. */
    public static String normalise(String value) {
        if (value == null) {
            return null;
        }
        String nfc = Normalizer.normalize(value, Normalizer.Form.NFC);
        int start = 0;
        int end = nfc.length();
        while (start < end && isSpace(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        while (end > start && isSpace(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        return nfc.substring(start, end);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** What is wrong with a name or title, in words for the person who typed it; empty when nothing is. */
    public static Optional<String> problem(String value) {
        if (value == null) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of("must not contain control characters");
            }
            if (isDirectionControl(c)) {
                return Optional.of("must not contain characters that change the direction of text");
            }
            if (!isInvisible(c)) {
                visible = true;
            }
        }
        return visible || value.isEmpty()
                ? Optional.empty()
                : Optional.of("must contain letters, digits or signs that can be seen");
    }

    /**
     * A name or title from any source, normalised; refused with a 400 validation problem naming
     * {@code field} when it breaks the rule or is empty.
     */
    public static String name(String field, String value) {
        String normalised = normalise(value);
        String problem = normalised == null || normalised.isEmpty()
                ? "must not be blank"
                : problem(normalised).orElse(null);
        if (problem != null) {
            throw new ProblemException(
                    ProblemType.VALIDATION,
                    "One field needs attention: " + field + ".",
                    List.of(new Problem.FieldError(field, problem)));
        }
        return normalised;
    }

    /** U+202A–U+202E (embeddings, overrides, pop) and U+2066–U+2069 (isolates). */
    static boolean isDirectionControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** Shows nothing on its own: white space, formatting characters, fillers and blank signs. */
    static boolean isInvisible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        int type = Character.getType(c);
        if (type == Character.FORMAT
                || type == Character.CONTROL
                || type == Character.UNASSIGNED
                || type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK) {
            return true;
        }
        return switch (c) {
            // Hangul fillers, the Braille blank, the Khmer inherent vowels, Mongolian free variation selectors
            case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5, 0x180B, 0x180C, 0x180D, 0x180E, 0x180F -> true;
            default -> (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0xE0000 && c <= 0xE007F);
        };
    }
}
