package io.mutuality.live.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Splits people into role-play groups: balanced sizes, an odd number handled by the rule the
 * facilitator picked, and as few people as possible meeting again in a group after they have
 * already practised together that day. Pure and deterministic for a given seed.
 */
public final class Grouping {

    public static final String EXTRA_OBSERVER = "extra-observer";
    public static final String FACILITATOR_JOINS = "facilitator-joins";

    private static final int RESTARTS = 24;

    private Grouping() {}

    /** How many participants go in each group; the last is completed by a facilitator when {@link #needsFacilitator} says so. */
    public static List<Integer> sizes(int people, int size, String oddRule) {
        List<Integer> sizes = new ArrayList<>();
        if (people <= 0) {
            return sizes;
        }
        int full = people / size;
        int left = people % size;
        if (full == 0) {
            sizes.add(people);
            return sizes;
        }
        for (int i = 0; i < full; i++) {
            sizes.add(size);
        }
        if (left == 0) {
            return sizes;
        }
        if (FACILITATOR_JOINS.equals(oddRule) || left > full) {
            sizes.add(left);
        } else {
            for (int i = 0; i < left; i++) {
                sizes.set(i, size + 1);
            }
        }
        return sizes;
    }

    /** Whether a facilitator completes the last group under this rule. */
    public static boolean needsFacilitator(int people, int size, String oddRule) {
        return FACILITATOR_JOINS.equals(oddRule) && people % size != 0;
    }

    /** The number of people who met before in a group, summed over pairs: what {@link #form} keeps low. */
    public static int repeats(List<List<UUID>> groups, Map<String, Integer> met) {
        int cost = 0;
        for (List<UUID> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    cost += met.getOrDefault(pair(group.get(i), group.get(j)), 0);
                }
            }
        }
        return cost;
    }

    /**
     * Groups {@code people} (participants only) for groups of {@code size}. With the
     * facilitator-joins rule and people left over, {@code facilitator} completes the last group.
     */
    public static List<List<UUID>> form(
            List<UUID> people, int size, String oddRule, UUID facilitator, Map<String, Integer> met, long seed) {
        List<Integer> sizes = sizes(people.size(), size, oddRule);
        if (sizes.isEmpty()) {
            return List.of();
        }
        Random random = new Random(seed);
        List<List<UUID>> best = null;
        int bestCost = Integer.MAX_VALUE;
        for (int attempt = 0; attempt < RESTARTS && bestCost > 0; attempt++) {
            List<UUID> order = new ArrayList<>(people);
            Collections.shuffle(order, random);
            List<List<UUID>> groups = new ArrayList<>();
            int next = 0;
            for (int groupSize : sizes) {
                groups.add(new ArrayList<>(order.subList(next, next + groupSize)));
                next += groupSize;
            }
            improve(groups, met);
            int cost = repeats(groups, met);
            if (cost < bestCost) {
                bestCost = cost;
                best = groups;
            }
        }
        if (needsFacilitator(people.size(), size, oddRule) && facilitator != null) {
            best.get(best.size() - 1).add(facilitator);
        }
        return best;
    }

    /** Swaps people between groups while a swap lowers the repeats (a local optimum). */
    private static void improve(List<List<UUID>> groups, Map<String, Integer> met) {
        if (met.isEmpty()) {
            return;
        }
        boolean better = true;
        for (int pass = 0; better && pass < 50; pass++) {
            better = false;
            for (int a = 0; a < groups.size(); a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    List<UUID> ga = groups.get(a);
                    List<UUID> gb = groups.get(b);
                    for (int i = 0; i < ga.size(); i++) {
                        for (int j = 0; j < gb.size(); j++) {
                            UUID x = ga.get(i);
                            UUID y = gb.get(j);
                            int before = with(x, ga, met) + with(y, gb, met);
                            int after = withOut(x, gb, y, met) + withOut(y, ga, x, met);
                            if (after < before) {
                                ga.set(i, y);
                                gb.set(j, x);
                                better = true;
                            }
                        }
                    }
                }
            }
        }
    }

    private static int with(UUID person, List<UUID> group, Map<String, Integer> met) {
        int cost = 0;
        for (UUID other : group) {
            if (!other.equals(person)) {
                cost += met.getOrDefault(pair(person, other), 0);
            }
        }
        return cost;
    }

    private static int withOut(UUID person, List<UUID> group, UUID leaving, Map<String, Integer> met) {
        int cost = 0;
        for (UUID other : group) {
            if (!other.equals(leaving)) {
                cost += met.getOrDefault(pair(person, other), 0);
            }
        }
        return cost;
    }

    /** The key of two people who were in a group together, the same whichever comes first. */
    public static String pair(UUID a, UUID b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** Adds every pair in these groups to the meetings count. */
    public static void record(List<List<UUID>> groups, Map<String, Integer> met) {
        for (List<UUID> group : groups) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    met.merge(pair(group.get(i), group.get(j)), 1, Integer::sum);
                }
            }
        }
    }

    static Map<String, Integer> noMeetings() {
        return new HashMap<>();
    }
}
