package io.mutuality.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutuality.live.engine.Activities;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.RoomEvent;
import java.util.List;
import java.util.Map;

/**
 * The room protocol's words, with nothing else: reading a client's frame into a {@link Command}
 * (or the error that answers it) and writing the server's messages. Pure, so every rule of the
 * wire is tested without a socket.
 */
public final class RoomWire {

    /** The largest message a client may send, in UTF-8 bytes. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;

    private final ObjectMapper json;
    /** The same mapper, knowing every command type of the room's activities by its protocol name. */
    private final ObjectMapper commands;

    private final Activities activities;

    /** The wire of a room of the standard activities. */
    public RoomWire(ObjectMapper json) {
        this(json, Activities.standard());
    }

    public RoomWire(ObjectMapper json, Activities activities) {
        this.json = json;
        this.activities = activities;
        this.commands = json.copy();
        activities.commandTypes().forEach((name, type) -> commands.registerSubtypes(new NamedType(type, name)));
    }

    /** A client's frame, read: a command, or the error frame that answers it. */
    public sealed interface Read {
        record Ok(Command command) implements Read {}

        record Refused(String answer) implements Read {}
    }

    /** Reads a frame; nothing in it can throw: every problem becomes the error message it gets. */
    public Read read(String text) {
        if (utf8Length(text) > MAX_MESSAGE_BYTES) {
            return refused(null, "too-large", "A message may be at most 16 KiB.");
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            return refused(null, "bad-json", "That was not JSON.");
        }
        String id = node.path("id").isTextual() ? node.path("id").asText() : null;
        if (!node.isObject() || !node.path("type").isTextual()) {
            return refused(id, "invalid", "Every message is a JSON object with a type.");
        }
        if (node.has("v") && node.path("v").asInt(-1) != 1) {
            return refused(id, "invalid", "This server speaks version 1 of the protocol.");
        }
        if (id == null || id.isEmpty() || id.length() > 64) {
            return refused(null, "invalid", "Every command needs an id of 1 to 64 characters.");
        }
        try {
            return new Read.Ok(commands.treeToValue(node, Command.class));
        } catch (InvalidTypeIdException e) {
            return refused(
                    id,
                    "unknown-type",
                    "This room does not know the message type '"
                            + node.path("type").asText() + "'.");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return refused(id, "invalid", "A field of that message has the wrong kind of value.");
        }
    }

    private Read refused(String id, String code, String message) {
        return new Read.Refused(error(id, code, message));
    }

    /** A message of the given type, to add fields to. */
    public ObjectNode envelope(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("v", 1);
        node.put("type", type);
        return node;
    }

    /** The {@code error} message: for a command ({@code id}) or for the connection ({@code id} null). */
    public String error(String id, String code, String message) {
        ObjectNode node = envelope("error");
        if (id != null) {
            node.put("id", id);
        }
        return write(node.put("code", code).put("message", message));
    }

    public String pong(String id) {
        return write(envelope("pong").put("id", id));
    }

    /**
     * The {@code ack} of a command: the sequence numbers of the events it was stored as, and the
     * ids the server made for it ({@code created}, when it made any: a new check-in's
     * {@code checkinId}, an answer's {@code answerId}, …).
     */
    public String ack(String commandId, List<StoredEvent> stored) {
        StringBuilder text = new StringBuilder(48 + commandId.length()).append("{\"v\":1,\"type\":\"ack\",\"id\":");
        text.append(quote(commandId)).append(",\"seqs\":[");
        // the ids the server made, the first of each name, collected on the way (most commands make none)
        Map<String, String> created = null;
        for (int i = 0; i < stored.size(); i++) {
            RoomEvent event = stored.get(i).event();
            text.append(i == 0 ? "" : ",").append(event.seq());
            String key = activities.createdIdKey(event.kind());
            Object id = key == null ? null : event.data().get(key);
            if (id != null) {
                if (created == null) {
                    created = new java.util.LinkedHashMap<>();
                }
                created.putIfAbsent(key, id.toString());
            }
        }
        text.append(']');
        if (created != null) {
            text.append(",\"created\":{");
            int i = 0;
            for (Map.Entry<String, String> id : created.entrySet()) {
                text.append(i++ == 0 ? "" : ",")
                        .append(quote(id.getKey()))
                        .append(':')
                        .append(quote(id.getValue()));
            }
            text.append('}');
        }
        return text.append('}').toString();
    }

    public String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UTF-8 length of a text, without encoding it. */
    public static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
