package io.mutuality.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.engine.RoomEvent;

/**
 * An event with its sequence number, and the JSON it is stored and sent as, written once: the
 * data column of the log and the {@code event} message every recipient gets come from the same
 * text, and a room's fan-out counts its size once.
 *
 * @param data the event's data as JSON (the log's {@code data} column)
 * @param wire the whole {@code event} message, as the protocol sends it
 * @param utf8 the message in UTF-8, as every recipient's frame carries it
 */
public record StoredEvent(RoomEvent event, String data, String wire, byte[] utf8) {

    public static StoredEvent of(RoomEvent event, ObjectMapper json) {
        try {
            return of(event, json.writeValueAsString(event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data could not be written as JSON", e);
        }
    }

    /** From an event and its data as already written (read back from the log). */
    public static StoredEvent of(RoomEvent event, String data) {
        String wire = wire(event.seq(), event.at().toString(), event.kind(), data);
        return new StoredEvent(event, data, wire, wire.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The message's size in UTF-8 bytes. */
    public long wireBytes() {
        return utf8.length;
    }

    /** The protocol's event message: {@code {"v":1,"type":"event","seq":…,"at":…,"kind":…,"data":{…}}}. */
    static String wire(long seq, String at, String kind, String data) {
        StringBuilder out = new StringBuilder(64 + kind.length() + data.length());
        out.append("{\"v\":1,\"type\":\"event\",\"seq\":")
                .append(seq)
                .append(",\"at\":\"")
                .append(at)
                .append("\",\"kind\":\"");
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                throw new IllegalArgumentException("An event kind is a plain name");
            }
            out.append(c);
        }
        return out.append("\",\"data\":").append(data).append('}').toString();
    }
}
