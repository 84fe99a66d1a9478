package io.mutuality.bench;

import io.mutuality.bench.Load.Action;
import io.mutuality.bench.Load.Conn;
import io.mutuality.bench.Load.Item;
import io.mutuality.bench.Load.Room;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * What the participants and facilitators do: the sweep (each participant shares their rewrite on
 * the reframing board and takes it back, over and over, at a fixed total rate) and the realistic
 * day (a check-in burst, a role-play round in groups of three, a reframing board).
 */
final class Scenarios {

    /** Returned by an action that turns out not to apply to this connection (a note from someone who is not observing). */
    static final JsonObject SKIP = new JsonObject();

    static final long S = 1_000_000_000L;

    private Scenarios() {}

    static JsonObject command(String type, Object... fields) {
        JsonObject json = new JsonObject().put("type", type);
        for (int i = 0; i < fields.length; i += 2) {
            json.put((String) fields[i], fields[i + 1]);
        }
        return json;
    }

    /** Participants in an order that visits every room before any room's second participant. */
    static List<Conn> interleaved(Load load) {
        List<Conn> order = new ArrayList<>();
        int most =
                load.rooms.stream().mapToInt(r -> r.participants.size()).max().orElse(0);
        for (int m = 0; m < most; m++) {
            for (Room room : load.rooms) {
                if (m < room.participants.size()) {
                    order.add(room.participants.get(m));
                }
            }
        }
        return order;
    }

    // ------------------------------------------------------------------ the sweep

    /** Share, or take back what one shared: one event that everyone in the room sees. */
    static final class ShareOrUnshare extends Action {
        boolean sharing;

        ShareOrUnshare(long due, Phase phase) {
            super(due, phase, true);
        }

        @Override
        JsonObject build(Conn conn) {
            if (conn.exerciseId == null || conn.statementId == null) {
                return null;
            }
            sharing = conn.entryId == null;
            return sharing
                    ? command(
                            "reframe.share",
                            "exerciseId",
                            conn.exerciseId,
                            "statementId",
                            conn.statementId,
                            "as",
                            "named")
                    : command("reframe.unshare", "exerciseId", conn.exerciseId, "entryId", conn.entryId);
        }

        @Override
        int expected(Conn conn) {
            return conn.room.members();
        }

        @Override
        void acked(Conn conn, long[] seqs) {
            conn.entryId = sharing && seqs.length > 0 ? "e" + seqs[0] : null;
        }
    }

    /** {@code rate} commands a second for {@code seconds}, spread evenly and staggered across all participants. */
    static List<Item> sweep(Load load, Phase phase, double rate, double seconds, long start) {
        List<Conn> order = interleaved(load);
        long count = Math.round(rate * seconds);
        double interval = S / rate;
        List<Item> items = new ArrayList<>((int) count);
        for (long j = 0; j < count; j++) {
            long due = start + (long) (j * interval);
            items.add(new Item(due, order.get((int) (j % order.size())), new ShareOrUnshare(due, phase)));
        }
        return items;
    }

    /** Before the sweep: every room launches a reframing exercise with one statement, everyone writes a rewrite, the facilitator reveals. */
    static List<Item> sweepSetUp(Load load, Phase phase, long start, Random random) {
        List<Item> items = new ArrayList<>();
        for (Room room : load.rooms) {
            long t = start + (long) (random.nextDouble() * 0.5 * S);
            add(
                    items,
                    room.facilitator,
                    t,
                    phase,
                    c -> command(
                            "reframe.launch",
                            "mode",
                            "solo",
                            "statements",
                            List.of("Nobody listens to me, so there is no point in saying anything.")),
                    Scenarios::everyone);
            for (Conn p : room.participants) {
                add(
                        items,
                        p,
                        t + S / 2 + (long) (random.nextDouble() * 2 * S),
                        phase,
                        c -> c.exerciseId == null
                                ? null
                                : command(
                                        "reframe.write",
                                        "exerciseId",
                                        c.exerciseId,
                                        "statementId",
                                        c.statementId,
                                        "text",
                                        "When I speak and nobody answers, I feel invisible and stop trying."),
                        c -> own(c));
            }
            add(
                    items,
                    room.facilitator,
                    t + 4 * S,
                    phase,
                    c -> c.exerciseId == null ? null : command("reframe.reveal", "exerciseId", c.exerciseId),
                    Scenarios::everyone);
        }
        items.sort(Comparator.comparingLong(Item::due));
        return items;
    }

    // ------------------------------------------------------------------ the realistic day

    /** The three parts of the day, in order. */
    record Day(Phase checkin, Phase roleplay, Phase reframing, List<Item> items, double seconds) {}

    /** The day; {@code scale} below 1 compresses its timeline (quick mode). */
    static Day day(Load load, long start, Random random, double scale) {
        Phase checkin = new Phase("day: check-in", 0, 0);
        Phase roleplay = new Phase("day: role-play", 0, 0);
        Phase reframing = new Phase("day: reframing board", 0, 0);
        List<Item> items = new ArrayList<>();
        double last = 0;
        for (Room room : load.rooms) {
            double o = random.nextDouble() * 3; // the rooms start within a few seconds of each other
            Conn f = room.facilitator;
            // a check-in: everyone answers within five seconds
            add(
                    items,
                    f,
                    at(start, o),
                    checkin,
                    c -> command(
                            "checkin.start",
                            "prompt",
                            "One word for how you arrive today?",
                            "visibility",
                            "everyone",
                            "mode",
                            "open"),
                    Scenarios::everyone);
            String[] words = {"tired", "curious", "hopeful", "scattered", "calm", "nervous"};
            for (Conn p : room.participants) {
                String word = words[random.nextInt(words.length)];
                int energy = 1 + random.nextInt(5);
                add(
                        items,
                        p,
                        at(start, o + 0.5 + random.nextDouble() * 5),
                        checkin,
                        c -> c.checkinId == null
                                ? null
                                : command("checkin.answer", "checkinId", c.checkinId, "word", word, "energy", energy),
                        c -> c.baselineRoom()
                                ? c.room.members()
                                : c.room.members() + 1); // to everyone, "responded" to the facilitator
            }
            add(
                    items,
                    f,
                    at(start, o + 7),
                    checkin,
                    c -> c.checkinId == null ? null : command("checkin.close", "checkinId", c.checkinId),
                    Scenarios::everyone);

            // a role-play round in groups of three: observers take notes, the person sharing asks for help and stops
            add(
                    items,
                    f,
                    at(start, o + 9),
                    roleplay,
                    c -> command(
                            "roleplay.launch",
                            "scenarioIds",
                            List.of("respite-too-quiet"),
                            "grouping",
                            "auto",
                            "groupSize",
                            3,
                            "rounds",
                            3,
                            "minutes",
                            10),
                    c -> c.baselineRoom() ? c.room.members() : 2 * c.room.members()); // launched and grouped
            add(
                    items,
                    f,
                    at(start, o + 11),
                    roleplay,
                    c -> c.roleplayId == null ? null : command("roleplay.start", "roleplayId", c.roleplayId),
                    Scenarios::roundStarted);
            for (Conn p : room.participants) {
                for (int n = 0; n < 2; n++) {
                    String task = List.of("connection", "worldview", "mutuality", "moving-towards")
                            .get(random.nextInt(4));
                    add(
                            items,
                            p,
                            at(start, o + 13 + random.nextDouble() * 14),
                            roleplay,
                            c -> c.roleplayId == null || c.role == null
                                    ? null
                                    : !c.role.equals("observer")
                                            ? SKIP
                                            : command(
                                                    "roleplay.note",
                                                    "roleplayId",
                                                    c.roleplayId,
                                                    "task",
                                                    task,
                                                    "moment",
                                                    "When she said the house felt like a library, he asked what would help instead."),
                            c -> c.baselineRoom() ? c.room.members() : 3);
                }
                add(
                        items,
                        p,
                        at(start, o + 13 + random.nextDouble() * 6),
                        roleplay,
                        c -> help(c, true),
                        Scenarios::group);
                add(
                        items,
                        p,
                        at(start, o + 20 + random.nextDouble() * 7),
                        roleplay,
                        c -> help(c, false),
                        Scenarios::group);
            }
            add(
                    items,
                    f,
                    at(start, o + 29),
                    roleplay,
                    c -> c.roleplayId == null ? null : command("roleplay.end", "roleplayId", c.roleplayId),
                    Scenarios::everyone);

            // a reframing board: everyone writes within ten seconds, the reveal, everyone shares within five
            add(
                    items,
                    f,
                    at(start, o + 31),
                    reframing,
                    c -> command(
                            "reframe.launch",
                            "mode",
                            "solo",
                            "statements",
                            List.of("She is non-compliant with her medication.")),
                    Scenarios::everyone);
            for (Conn p : room.participants) {
                add(
                        items,
                        p,
                        at(start, o + 31.5 + random.nextDouble() * 10),
                        reframing,
                        c -> c.exerciseId == null
                                ? null
                                : command(
                                        "reframe.write",
                                        "exerciseId",
                                        c.exerciseId,
                                        "statementId",
                                        c.statementId,
                                        "text",
                                        "She has her own reasons for how she takes her medication, and I would like to hear them."),
                        c -> own(c));
            }
            add(
                    items,
                    f,
                    at(start, o + 43),
                    reframing,
                    c -> c.exerciseId == null ? null : command("reframe.reveal", "exerciseId", c.exerciseId),
                    Scenarios::everyone);
            for (Conn p : room.participants) {
                add(
                        items,
                        p,
                        at(start, o + 43.5 + random.nextDouble() * 5),
                        reframing,
                        c -> c.exerciseId == null
                                ? null
                                : command(
                                        "reframe.share",
                                        "exerciseId",
                                        c.exerciseId,
                                        "statementId",
                                        c.statementId,
                                        "as",
                                        "named"),
                        Scenarios::everyone);
            }
            add(
                    items,
                    f,
                    at(start, o + 50),
                    reframing,
                    c -> c.exerciseId == null ? null : command("reframe.close", "exerciseId", c.exerciseId),
                    Scenarios::everyone);
            last = Math.max(last, (o + 50) * scale);
        }
        if (scale != 1) {
            List<Item> scaled = new ArrayList<>();
            for (Item item : items) {
                long due = start + (long) ((item.due() - start) * scale);
                Action a = item.action();
                scaled.add(new Item(due, item.conn(), Load.action(due, a.phase, a.serial, a::build, a::expected)));
            }
            items = scaled;
        }
        items.sort(Comparator.comparingLong(Item::due));
        return new Day(checkin, roleplay, reframing, items, last);
    }

    private static JsonObject help(Conn c, boolean on) {
        if (c.roleplayId == null || c.role == null) {
            return null;
        }
        return c.role.equals("person-sharing") ? command("roleplay.help", "roleplayId", c.roleplayId, "on", on) : SKIP;
    }

    private static long at(long start, double seconds) {
        return start + (long) (seconds * S);
    }

    static int everyone(Conn c) {
        return c.room.members();
    }

    /** Only the writer sees a rewrite (the baseline sends everything to everyone). */
    static int own(Conn c) {
        return c.baselineRoom() ? c.room.members() : 1;
    }

    /** A group's own events reach its three members and the facilitator. */
    static int group(Conn c) {
        return c.baselineRoom() ? c.room.members() : 4;
    }

    /**
     * The round starting: the final grouping and the clock to everyone, then per group of three its
     * roles, scenario offered and opened (members and facilitator) and each member's own card.
     */
    static int roundStarted(Conn c) {
        if (c.baselineRoom()) {
            return c.room.members();
        }
        int groups = c.room.participants.size() / 3;
        return 2 * c.room.members() + groups * (3 * 4 + 3);
    }

    private static void add(
            List<Item> items,
            Conn conn,
            long due,
            Phase phase,
            Function<Conn, JsonObject> build,
            ToIntFunction<Conn> expected) {
        items.add(new Item(due, conn, Load.action(due, phase, false, build, expected)));
    }
}
