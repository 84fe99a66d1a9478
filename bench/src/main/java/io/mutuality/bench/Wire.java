package io.mutuality.bench;

import java.util.Set;

/** Reads the few top-level fields the client needs from a server message without parsing all of it. */
final class Wire {

    /** Event kinds that tell a connection an id it needs later (the rest are only counted). */
    static final Set<String> KNOWLEDGE = Set.of(
            "checkin.started",
            "checkin.closed",
            "roleplay.launched",
            "roleplay.card",
            "roleplay.ended",
            "reframe.launched",
            "reframe.closed");

    private Wire() {}

    static final String TYPE = "\"type\":\"";
    static final String KIND = "\"kind\":\"";
    static final String SEQ = "\"seq\":";

    /** The first {@code "name":"value"} in the text, where key is {@code "name":"}: the server writes the envelope's fields before its data. */
    static String string(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return null;
        }
        int from = at + key.length();
        int to = text.indexOf('"', from);
        return to < 0 ? null : text.substring(from, to);
    }

    /** The first {@code "name":123} in the text, where key is {@code "name":}, or -1. */
    static long number(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return -1;
        }
        long value = 0;
        boolean any = false;
        for (int i = at + key.length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                any = true;
            } else if (c != ' ' || any) {
                break;
            }
        }
        return any ? value : -1;
    }
}
