package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.curriculum.Curriculum;
import io.mutuality.curriculum.CurriculumLoader;
import io.mutuality.curriculum.LanguageLens;
import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomLibrary;
import io.mutuality.live.engine.RoomState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A module's role-play draws its scenarios from the module's themes: the engine and the curriculum's library, no server. */
class RoleplayThemesTest {

    private static final Instant NOW = Instant.parse("2027-01-06T13:15:00Z");
    private final RoomEngine engine = new RoomEngine();
    private final Actor trainer = new Actor(UUID.randomUUID(), "Sam", true);

    private RoomState room(RoomLibrary library) {
        RoomState state = new RoomState(List.of(), library);
        apply(state, engine.arrive(state, trainer, NOW));
        for (String name : List.of("Ana", "Ben", "Chi", "Dev", "Eli", "Fay")) {
            Actor person = new Actor(UUID.randomUUID(), name, false);
            apply(state, engine.arrive(state, person, NOW));
        }
        return state;
    }

    private static List<RoomEvent> apply(RoomState state, List<RoomEvent> events) {
        long seq = state.lastSeq();
        List<RoomEvent> stored = new ArrayList<>();
        for (RoomEvent event : events) {
            RoomEvent numbered = event.withSeq(++seq);
            state.apply(numbered);
            stored.add(numbered);
        }
        return stored;
    }

    /** The ids of the scenarios a role-play launched from a module was prepared with. */
    @SuppressWarnings("unchecked")
    private List<String> launchedFrom(RoomState state, String moduleId) {
        Decision decision = engine.decide(
                state,
                trainer,
                new Command.RoleplayLaunch("l", moduleId, null, null, null, null, "auto", null, null, null),
                NOW);
        assertThat(decision).as("%s", decision).isInstanceOf(Decision.Accepted.class);
        RoomEvent prepared = ((Decision.Accepted) decision)
                .events().stream()
                        .filter(e -> e.kind().equals("roleplay.prepared"))
                        .findFirst()
                        .orElseThrow();
        return ((List<Map<String, Object>>) prepared.data().get("scenarios"))
                .stream().map(m -> (String) m.get("id")).toList();
    }

    private static RoomLibrary.Scenario card(String id) {
        return new RoomLibrary.Scenario(id, id, null, "Shared.", Map.of("person-sharing", "A", "peer-supporter", "B"));
    }

    @Test
    void theEngineAsksTheLibraryForTheModulesThemes() {
        List<List<String>> asked = new ArrayList<>();
        RoomLibrary library = new RoomLibrary() {
            @Override
            public Optional<Scenario> scenario(String id) {
                return Optional.empty();
            }

            @Override
            public List<Scenario> scenarios(List<String> tasks) {
                return List.of(card("by-task"));
            }

            @Override
            public List<Scenario> scenarios(List<String> tasks, List<String> themes) {
                asked.add(themes);
                return themes.contains("limit") ? List.of(card("a-limit"), card("another-limit")) : scenarios(tasks);
            }

            @Override
            public Optional<Statement> statement(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<RolePlayPlan> rolePlay(String moduleId) {
                return Optional.of(
                        moduleId.equals("limits")
                                ? new RolePlayPlan(3, 3, 45, List.of("mutuality"), List.of("limit"))
                                : new RolePlayPlan(3, 3, 45, List.of("mutuality")));
            }

            @Override
            public List<LensMark> lens(String text) {
                return List.of();
            }
        };
        assertThat(launchedFrom(room(library), "limits")).containsExactly("a-limit", "another-limit");
        assertThat(launchedFrom(room(library), "no-themes")).containsExactly("by-task");
        assertThat(asked).containsExactly(List.of("limit"), List.of());
    }

    @Test
    void aLibraryThatKnowsNoThemesStillDrawsByTask() {
        RoomLibrary byTask = new RoomLibrary() {
            @Override
            public Optional<Scenario> scenario(String id) {
                return Optional.empty();
            }

            @Override
            public List<Scenario> scenarios(List<String> tasks) {
                return List.of(card("t-" + String.join("-", tasks)));
            }

            @Override
            public Optional<Statement> statement(String id) {
                return Optional.empty();
            }

            @Override
            public Optional<RolePlayPlan> rolePlay(String moduleId) {
                return Optional.of(new RolePlayPlan(3, 3, 45, List.of("mutuality"), List.of("limit")));
            }

            @Override
            public List<LensMark> lens(String text) {
                return List.of();
            }
        };
        assertThat(launchedFrom(room(byTask), "any")).containsExactly("t-mutuality");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRoundLastsWhatTheModuleStatesUnlessTheFacilitatorChangesTheRounds() {
        Curriculum curriculum = new CurriculumLoader().load(Path.of("curriculum"));
        CurriculumLibrary library = new CurriculumLibrary(
                curriculum, List.of(), Map.of(), Map.of(), new LanguageLens(curriculum.lexicon()));
        Curriculum.Activity rolePlay =
                curriculum.module("core-boundaries-and-limits").orElseThrow().activities().stream()
                        .filter(a -> "role-play".equals(a.kind()))
                        .findFirst()
                        .orElseThrow();
        assertThat(rolePlay.parts().round()).isEqualTo(13);

        RoomState stated = room(library);
        Decision asPlanned = engine.decide(
                stated,
                trainer,
                new Command.RoleplayLaunch(
                        "l", "core-boundaries-and-limits", null, null, null, null, "auto", null, null, null),
                NOW);
        assertThat(((Decision.Accepted) asPlanned).events().get(0).data())
                .containsEntry("minutes", 13)
                .containsEntry("rounds", 3);

        RoomState fewer = room(library);
        Decision twoRounds = engine.decide(
                fewer,
                trainer,
                new Command.RoleplayLaunch(
                        "l", "core-boundaries-and-limits", null, null, null, null, "auto", null, 2, null),
                NOW);
        assertThat(((Decision.Accepted) twoRounds).events().get(0).data())
                .containsEntry("minutes", 15)
                .containsEntry("rounds", 2);
    }

    @Test
    void theBoundariesAndCrisisPlanningModulesDrawScenariosOnTheirThemes() {
        Curriculum curriculum = new CurriculumLoader().load(Path.of("curriculum"));
        CurriculumLibrary library = new CurriculumLibrary(
                curriculum, List.of(), Map.of(), Map.of(), new LanguageLens(curriculum.lexicon()));
        for (var pin : Map.of(
                        "core-boundaries-and-limits",
                        "limit",
                        "core-proactive-crisis-plan",
                        "planning-ahead",
                        "intro-boundaries-mutuality",
                        "limit")
                .entrySet()) {
            Set<String> onTheme = curriculum.scenarios().stream()
                    .filter(s -> s.themes().contains(pin.getValue()))
                    .map(Curriculum.Scenario::id)
                    .collect(Collectors.toSet());
            List<String> drawn = launchedFrom(room(library), pin.getKey());
            assertThat(drawn)
                    .as(pin.getKey())
                    .hasSize(Math.min(12, onTheme.size()))
                    .isSubsetOf(onTheme);
            assertThat(drawn.size()).as(pin.getKey()).isGreaterThanOrEqualTo(6);
        }
    }

    @Test
    void aCohortsOwnScenarioOnTheThemeComesFirst() {
        Curriculum curriculum = new CurriculumLoader().load(Path.of("curriculum"));
        Curriculum.Scenario own = new Curriculum.Scenario(
                "our-rota",
                "The rota",
                "workplace",
                List.of("mutuality"),
                List.of("limit"),
                "light",
                null,
                "A rota.",
                Map.of("person-sharing", "A", "peer-supporter", "B"));
        Curriculum.Scenario offTheme = new Curriculum.Scenario(
                "our-garden",
                "The garden",
                "workplace",
                List.of("mutuality"),
                List.of("family"),
                "light",
                null,
                "A garden.",
                Map.of("person-sharing", "A", "peer-supporter", "B"));
        CurriculumLibrary library = new CurriculumLibrary(
                curriculum, List.of(offTheme, own), Map.of(), Map.of(), new LanguageLens(curriculum.lexicon()));
        List<String> drawn = launchedFrom(room(library), "core-boundaries-and-limits");
        assertThat(drawn.get(0)).isEqualTo("our-rota");
        assertThat(drawn).doesNotContain("our-garden");
    }
}
