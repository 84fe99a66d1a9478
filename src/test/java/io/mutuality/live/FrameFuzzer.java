package io.mutuality.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Generates the text frames of the WebSocket fuzz run: well-formed commands aimed at what is
 * under way in the room (ids learnt from the events the clients receive), and mutations of
 * them. Each frame says which answer code it must get when that is certain.
 */
final class FrameFuzzer {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A frame to send; {@code expected} is the error code it must be answered with, or null if any answer will do. */
    record Frame(String text, String kind, String id, String expected) {}

    static final List<String> PARTICIPANT_TYPES = List.of(
            "checkin.answer",
            "checkin.pass",
            "journal.write",
            "ping",
            "roleplay.choose",
            "roleplay.open",
            "roleplay.swap",
            "roleplay.note",
            "roleplay.note-consent",
            "roleplay.help",
            "roleplay.share-propose",
            "roleplay.share-answer",
            "reframe.statement",
            "reframe.write",
            "reframe.share",
            "reframe.unshare",
            "reframe.resonate");

    /** Everything a facilitator may send but the day's end (which would close the room for the rest of the run). */
    static final List<String> FACILITATOR_TYPES = List.of(
            "checkin.start",
            "checkin.next",
            "checkin.close",
            "timer.set",
            "timer.pause",
            "timer.resume",
            "timer.extend",
            "timer.clear",
            "note.share",
            "participant.remove",
            "participant.admit",
            "agenda.move",
            "roleplay.launch",
            "roleplay.assign",
            "roleplay.add-group",
            "roleplay.start",
            "roleplay.next-round",
            "roleplay.extend",
            "roleplay.listen",
            "roleplay.debrief",
            "roleplay.room-debrief",
            "roleplay.end",
            "reframe.launch",
            "reframe.reveal",
            "reframe.highlight",
            "reframe.examples",
            "reframe.close");

    /** Ids seen in events, shared by every connection of the run. */
    final Map<String, String> known = new ConcurrentHashMap<>();

    final List<String> people = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final Random random;
    private final String prefix;
    private final List<String> sentIds = new ArrayList<>();
    private int ids;

    /** Where ids are learnt: one board shared by every connection's fuzzer (itself, for the board). */
    private final FrameFuzzer knownFrom;

    FrameFuzzer(long seed, String prefix, FrameFuzzer board) {
        this.random = new Random(seed);
        this.prefix = prefix;
        this.knownFrom = board == null ? this : board;
    }

    /** Learns ids from an event any client received. */
    void learn(JsonNode event) {
        JsonNode d = event.path("data");
        switch (event.path("kind").asText()) {
            case "checkin.started" -> known.put("checkinId", d.path("checkinId").asText());
            case "roleplay.launched" ->
                known.put("roleplayId", d.path("roleplayId").asText());
            case "roleplay.grouped" ->
                d.path("groups")
                        .forEach(g -> known.put("groupId", g.path("groupId").asText()));
            case "roleplay.note-given" -> known.put("noteId", d.path("noteId").asText());
            case "roleplay.share-proposed" ->
                known.put("proposalId", d.path("proposalId").asText());
            case "reframe.launched" -> {
                known.put("exerciseId", d.path("exerciseId").asText());
                d.path("statements")
                        .forEach(s ->
                                known.put("statementId", s.path("statementId").asText()));
            }
            case "reframe.shared" -> known.put("entryId", d.path("entryId").asText());
            case "timer.started" -> known.put("timerId", d.path("timerId").asText());
            case "presence.joined" -> {
                if ("participant".equals(d.path("role").asText())) {
                    people.add(d.path("participantId").asText());
                }
            }
            default -> {}
        }
    }

    private String known(String key, String fallback) {
        String value = knownFrom.known.get(key);
        return value != null && random.nextInt(10) > 0 ? value : fallback;
    }

    /** What marks this connection's private text (answers, journal entries), so that it can be recognised anywhere else. */
    String tag() {
        return "-" + prefix + "-";
    }

    String nextId() {
        String id = prefix + "-" + (++ids);
        sentIds.add(id);
        return id;
    }

    /** A well-formed command of one of these types. */
    ObjectNode command(List<String> types) {
        String type = types.get(random.nextInt(types.size()));
        ObjectNode n = JSON.createObjectNode().put("v", 1).put("type", type).put("id", nextId());
        String rp = known("roleplayId", "r1");
        String x = known("exerciseId", "x1");
        switch (type) {
            case "checkin.start" ->
                n.put("prompt", "How do you arrive? " + random.nextInt(1000))
                        .put("visibility", pick("everyone", "facilitators", "anonymous"))
                        .put("mode", pick("open", "round"));
            case "checkin.answer" ->
                n.put("checkinId", known("checkinId", "k1"))
                        .put("word", "w" + tag() + random.nextInt(99))
                        .put("energy", 1 + random.nextInt(5));
            case "checkin.pass", "checkin.next", "checkin.close" -> n.put("checkinId", known("checkinId", "k1"));
            case "timer.set" -> n.put("seconds", 10 + random.nextInt(600)).put("label", "Break");
            case "timer.pause", "timer.resume", "timer.clear" -> n.put("timerId", known("timerId", "t1"));
            case "timer.extend" -> n.put("timerId", known("timerId", "t1")).put("seconds", 60);
            case "note.share" -> n.put("text", "Something I noticed " + random.nextInt(1000));
            case "journal.write" -> n.put("text", "Journal " + tag() + random.nextInt(1000));
            case "participant.remove", "participant.admit" ->
                n.put("participantId", new UUID(random.nextLong(), random.nextLong()).toString());
            case "agenda.move" -> n.put("slot", random.nextInt(4));
            case "roleplay.launch" -> {
                n.put("groupSize", 2 + random.nextInt(2))
                        .put("grouping", pick("auto", "manual", "choice"))
                        .put("rounds", 1 + random.nextInt(3))
                        .put("minutes", 1 + random.nextInt(5));
                ObjectNode s =
                        n.putObject("scenario").put("title", "At the bus stop").put("shared", "A bus stop at night.");
                s.putObject("roles").put("person-sharing", "You are tired.").put("peer-supporter", "You listen.");
            }
            case "roleplay.assign" ->
                n.put("roleplayId", rp)
                        .put(
                                "participantId",
                                people().isEmpty()
                                        ? UUID.randomUUID().toString()
                                        : people().get(random.nextInt(people().size())))
                        .put("groupId", known("groupId", "g1"));
            case "roleplay.choose", "roleplay.listen" -> n.put("roleplayId", rp).put("groupId", known("groupId", "g1"));
            case "roleplay.extend" -> n.put("roleplayId", rp).put("seconds", 60);
            case "roleplay.note" ->
                n.put("roleplayId", rp).put("task", "connection").put("moment", "When you paused");
            case "roleplay.note-consent" -> n.put("roleplayId", rp).put("noteId", known("noteId", "n1"));
            case "roleplay.help" -> n.put("roleplayId", rp).put("on", random.nextBoolean());
            case "roleplay.share-propose" -> n.put("roleplayId", rp).put("text", "We learned to wait");
            case "roleplay.share-answer" ->
                n.put("roleplayId", rp)
                        .put("proposalId", known("proposalId", "p1"))
                        .put("agree", true);
            case "reframe.launch" -> {
                n.putArray("statements").add("She is attention seeking.").add("He is non-compliant.");
                n.put("mode", pick("solo", "pairs"));
            }
            case "reframe.statement" -> n.put("exerciseId", x).put("text", "They never listen");
            case "reframe.write" ->
                n.put("exerciseId", x)
                        .put("statementId", known("statementId", "x1-1"))
                        .put("text", "What happened?");
            case "reframe.share" ->
                n.put("exerciseId", x)
                        .put("statementId", known("statementId", "x1-1"))
                        .put("as", pick("named", "anonymous", "none"));
            case "reframe.unshare", "reframe.resonate" -> n.put("exerciseId", x).put("entryId", known("entryId", "e1"));
            case "reframe.highlight" ->
                n.put("exerciseId", x).put("entryId", known("entryId", "e1")).put("on", true);
            case "reframe.examples" -> n.put("exerciseId", x).put("statementId", known("statementId", "x1-1"));
            case "ping" -> {}
            default -> {
                if (type.startsWith("roleplay.")) {
                    n.put("roleplayId", rp);
                } else if (type.startsWith("reframe.")) {
                    n.put("exerciseId", x);
                }
            }
        }
        return n;
    }

    private List<String> people() {
        return knownFrom.people;
    }

    /**
     * The next frame: about a third well-formed, the rest mutated. {@code saidHello} tells whether
     * well-formed commands are answered by the room (else "hello-first").
     */
    Frame next(List<String> types, boolean saidHello) {
        ObjectNode command = command(types);
        String id = command.path("id").asText();
        String validAnswer = saidHello ? null : "hello-first";
        int roll = random.nextInt(24);
        switch (roll) {
            case 0, 1, 2, 3, 4, 5, 6, 7 -> {
                return new Frame(write(command), "valid", id, validAnswer);
            }
            case 8 -> {
                String text = write(command);
                return new Frame(
                        text.substring(0, 1 + random.nextInt(text.length() - 1)), "truncated", null, "bad-json");
            }
            case 9 -> {
                List<String> fields = new ArrayList<>();
                command.fieldNames().forEachRemaining(f -> {
                    if (!f.equals("type") && !f.equals("id") && !f.equals("v")) {
                        fields.add(f);
                    }
                });
                if (fields.isEmpty()) {
                    command.put("extra", 1);
                    fields.add("extra");
                }
                String field = fields.get(random.nextInt(fields.size()));
                switch (random.nextInt(8)) {
                    case 0 -> command.put(field, 12345);
                    case 1 -> command.put(field, "not-what-you-wanted");
                    case 2 -> command.putObject(field).put("nested", true);
                    case 3 -> command.putArray(field).add(1).add("two");
                    case 4 -> command.put(field, true);
                    case 5 -> command.putNull(field);
                    case 6 -> command.put(field, 1.5e300);
                    default -> command.put(field, -1);
                }
                return new Frame(write(command), "wrong-type", id, null);
            }
            case 10 -> {
                boolean tooLarge = random.nextBoolean();
                command.put(
                        random.nextBoolean() ? "text" : "prompt",
                        "h".repeat(tooLarge ? 17_000 + random.nextInt(40_000) : 10_000));
                return new Frame(write(command), "huge-string", tooLarge ? null : id, tooLarge ? "too-large" : null);
            }
            case 11 -> {
                int depth = 1_500 + random.nextInt(5_000);
                String text = "{\"v\":1,\"type\":\"" + command.path("type").asText() + "\",\"id\":\"" + id
                        + "\",\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
                return new Frame(text, "deep-nesting", null, null);
            }
            case 12 -> {
                command.put(
                        "type",
                        pick("x.unknown", "PING", "checkin", "hello.again", "", "roleplay.launch.now", "__proto__"));
                boolean empty = command.path("type").asText().isEmpty();
                return new Frame(write(command), "unknown-type", id, empty ? null : "unknown-type");
            }
            case 13 -> {
                command.remove("type");
                return new Frame(write(command), "missing-type", id, "invalid");
            }
            case 14 -> {
                command.remove("id");
                return new Frame(write(command), "missing-id", null, "invalid");
            }
            case 15 -> {
                List<String> fields = new ArrayList<>();
                command.fieldNames().forEachRemaining(f -> {
                    if (!f.equals("type") && !f.equals("id") && !f.equals("v")) {
                        fields.add(f);
                    }
                });
                fields.forEach(command::remove);
                return new Frame(write(command), "missing-fields", id, validAnswer);
            }
            case 16 -> {
                command.put("v", pick("2", "0", "one"));
                return new Frame(
                        write(command).replace("\"v\":\"", "\"v\":").replace("\",\"type\"", ",\"type\""),
                        "version",
                        null,
                        null);
            }
            case 17 -> {
                return new Frame(
                        pick(
                                "[]",
                                "42",
                                "\"hello\"",
                                "null",
                                "true",
                                "",
                                "   ",
                                "{}",
                                "[{\"type\":\"ping\",\"id\":\"a\"}]",
                                "{\"type\":null,\"id\":\"a\"}"),
                        "not-an-object",
                        null,
                        null);
            }
            case 18 -> {
                StringBuilder garbage = new StringBuilder();
                int length = 1 + random.nextInt(200);
                for (int i = 0; i < length; i++) {
                    int c = random.nextInt(0x2FFF);
                    garbage.append(Character.isSurrogate((char) c) ? 'x' : (char) c);
                }
                return new Frame("~" + garbage, "garbage", null, "bad-json");
            }
            case 19 -> {
                switch (random.nextInt(4)) {
                    case 0 -> command.put("id", 42);
                    case 1 -> command.putObject("id");
                    case 2 -> command.put("id", "i".repeat(65 + random.nextInt(15_000)));
                    default -> command.put("id", "");
                }
                return new Frame(write(command), "bad-id", null, "invalid");
            }
            case 20 -> {
                if (sentIds.size() > 2) {
                    String again = sentIds.get(random.nextInt(sentIds.size() - 1));
                    command.put("id", again);
                    return new Frame(write(command), "repeated-id", again, null);
                }
                return new Frame(write(command), "valid", id, validAnswer);
            }
            case 21 -> {
                String text = write(command);
                text = text.replace("\"type\":", "\"type\":\"ping\",\"type\":");
                return new Frame(text, "duplicate-key", id, null);
            }
            case 22 -> {
                String text = write(command)
                        .replaceFirst(
                                "}$",
                                ",\"lastSeq\":99999999999999999999999,\"energy\":1e400,"
                                        + "\"participantId\":\"not-a-uuid\",\"extra\":\"\\u0000\\ud800\"}");
                return new Frame(text, "overflow", id, null);
            }
            default -> {
                command.put(
                        "text",
                        "NUL \u0000 RTL \u202e zero-width \u200b emoji \ud83d\ude42 <script>alert(1)</script> \\ \" '");
                return new Frame(write(command), "odd-text", id, null);
            }
        }
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
