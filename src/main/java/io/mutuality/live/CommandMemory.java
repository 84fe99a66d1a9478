package io.mutuality.live;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one room remembers of the command ids it has answered, so that a repeated id (a client
 * resending after a reconnect) gets its first answer without asking the database every time.
 *
 * <p>The latest answers are kept whole. Every id the room has ever answered is kept as a 64-bit
 * fingerprint, about 16 bytes each: an id whose fingerprint is unknown is certainly new, and only
 * a known fingerprint without a kept answer (an old repeat, or a room just opened from its log
 * after a restart) sends the caller to the database. Not thread-safe: used under the room's lock.
 */
final class CommandMemory {

    /** What the memory can say about an id. */
    sealed interface Recall {
        /** Never answered in this room: decide it. */
        record New() implements Recall {}

        /** Answered before, and this was the answer. */
        record Answered(String answer) implements Recall {}

        /** Perhaps answered before, long ago: the log knows. */
        record AskTheLog() implements Recall {}
    }

    private static final Recall NEW = new Recall.New();
    private static final Recall ASK = new Recall.AskTheLog();

    private final int keep;
    private final Map<String, String> answers;
    private final LongSet seen = new LongSet();

    CommandMemory(int keep) {
        this.keep = keep;
        this.answers = new LinkedHashMap<>(Math.min(keep, 256) * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > CommandMemory.this.keep;
            }
        };
    }

    Recall recall(UUID actorId, String commandId) {
        String answer = answers.get(key(actorId, commandId));
        if (answer != null) {
            return new Recall.Answered(answer);
        }
        return seen.contains(fingerprint(actorId, commandId)) ? ASK : NEW;
    }

    /** The answer given to an id (not yet durable, perhaps: the writer sends repeats after it). */
    void remember(UUID actorId, String commandId, String answer) {
        answers.put(key(actorId, commandId), answer);
        seen.add(fingerprint(actorId, commandId));
    }

    /** An id the log holds an answer to, learned when the room is opened. */
    void known(UUID actorId, String commandId) {
        seen.add(fingerprint(actorId, commandId));
    }

    /** Forgets the kept answers (the log was scrubbed); fingerprints stay, so repeats still go to the log. */
    void forgetAnswers() {
        answers.clear();
    }

    int answersKept() {
        return answers.size();
    }

    int idsKnown() {
        return seen.size();
    }

    private static String key(UUID actorId, String commandId) {
        return actorId + "/" + commandId;
    }

    /** A 64-bit fingerprint of the person and the id (the id's chars through FNV-1a, mixed with the person's bits). */
    static long fingerprint(UUID actorId, String commandId) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < commandId.length(); i++) {
            h ^= commandId.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= actorId.getMostSignificantBits() * 0x9E3779B97F4A7C15L;
        h ^= Long.rotateLeft(actorId.getLeastSignificantBits() * 0xC2B2AE3D27D4EB4FL, 31);
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** An open-addressing set of longs (0 stands for empty, so 0 itself is stored as 1). */
    static final class LongSet {
        private long[] slots = new long[64];
        private int size;

        boolean contains(long value) {
            long v = value == 0 ? 1 : value;
            int mask = slots.length - 1;
            for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
                long slot = slots[i];
                if (slot == 0) {
                    return false;
                }
                if (slot == v) {
                    return true;
                }
            }
        }

        void add(long value) {
            long v = value == 0 ? 1 : value;
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            if (insert(slots, v)) {
                size++;
            }
        }

        int size() {
            return size;
        }

        private static boolean insert(long[] slots, long v) {
            int mask = slots.length - 1;
            for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
                if (slots[i] == 0) {
                    slots[i] = v;
                    return true;
                }
                if (slots[i] == v) {
                    return false;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[slots.length * 2];
            for (long slot : slots) {
                if (slot != 0) {
                    insert(bigger, slot);
                }
            }
            slots = bigger;
        }

        private static int mix(long v) {
            return (int) (v ^ (v >>> 32)) * 0x9E3779B9;
        }
    }
}
