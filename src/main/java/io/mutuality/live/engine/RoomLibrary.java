package io.mutuality.live.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a room can draw on when an activity is launched: the scenario and reframe banks, a
 * module's role-play settings, and the language lens. The engine only reads it at launch and
 * when a rewrite is written; everything it takes from it goes into events, so a room rebuilt
 * from its log never needs it.
 */
public interface RoomLibrary {

    /** A role-play scenario: the part the group shares, and a card per role. */
    record Scenario(String id, String title, String contentNote, String shared, Map<String, String> roles) {
        public Scenario {
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }
    }

    /** A "what's wrong" statement with example "what happened?" rewrites. */
    record Statement(String id, String text, String pattern, List<String> rewrites) {
        public Statement {
            rewrites = rewrites == null ? List.of() : List.copyOf(rewrites);
        }
    }

    /**
     * A module's role-play: its group size, rounds and minutes, the tasks its scenarios should practise, the themes
     * they should be about, and the minutes of each round when the module states them.
     */
    record RolePlayPlan(
            Integer groupSize,
            Integer rounds,
            Integer minutes,
            List<String> tasks,
            List<String> themes,
            Integer roundMinutes) {
        public RolePlayPlan {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
            themes = themes == null ? List.of() : List.copyOf(themes);
        }

        public RolePlayPlan(
                Integer groupSize, Integer rounds, Integer minutes, List<String> tasks, List<String> themes) {
            this(groupSize, rounds, minutes, tasks, themes, null);
        }

        public RolePlayPlan(Integer groupSize, Integer rounds, Integer minutes, List<String> tasks) {
            this(groupSize, rounds, minutes, tasks, List.of(), null);
        }
    }

    /** One word the lens marks: where it is, the lexicon entry, its category. */
    record LensMark(int start, int end, String text, String term, String category) {}

    Optional<Scenario> scenario(String id);

    /** Scenarios practising any of these tasks (all scenarios when there are none), in bank order. */
    List<Scenario> scenarios(List<String> tasks);

    /**
     * The scenarios a module's role-play draws: those on any of these themes, or, when there are none or none
     * match, those practising any of the tasks. A library that knows no themes draws by task.
     */
    default List<Scenario> scenarios(List<String> tasks, List<String> themes) {
        return scenarios(tasks);
    }

    Optional<Statement> statement(String id);

    Optional<RolePlayPlan> rolePlay(String moduleId);

    List<LensMark> lens(String text);

    /** A library with nothing in it: ad-hoc activities only, no lens. */
    RoomLibrary EMPTY = new RoomLibrary() {
        @Override
        public Optional<Scenario> scenario(String id) {
            return Optional.empty();
        }

        @Override
        public List<Scenario> scenarios(List<String> tasks) {
            return List.of();
        }

        @Override
        public Optional<Statement> statement(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<RolePlayPlan> rolePlay(String moduleId) {
            return Optional.empty();
        }

        @Override
        public List<LensMark> lens(String text) {
            return List.of();
        }
    };
}
