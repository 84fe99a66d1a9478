package io.mutuality.live;

import io.mutuality.curriculum.Curriculum;
import io.mutuality.curriculum.LanguageLens;
import io.mutuality.live.engine.RoomLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room's library: the cohort's own scenarios (from its organisation's variant) before the
 * bank's, the modules of the day as the cohort pinned them, the reframes bank, and the
 * language lens over the lexicon.
 */
final class CurriculumLibrary implements RoomLibrary {

    private final Curriculum curriculum;
    private final List<Curriculum.Scenario> ownScenarios;
    private final Map<String, Curriculum.Activity> pinnedRolePlays;
    private final Map<String, List<String>> pinnedTasks;
    private final LanguageLens lens;

    CurriculumLibrary(
            Curriculum curriculum,
            List<Curriculum.Scenario> ownScenarios,
            Map<String, Curriculum.Activity> pinnedRolePlays,
            Map<String, List<String>> pinnedTasks,
            LanguageLens lens) {
        this.curriculum = curriculum;
        this.ownScenarios = List.copyOf(ownScenarios);
        this.pinnedRolePlays = Map.copyOf(pinnedRolePlays);
        this.pinnedTasks = Map.copyOf(pinnedTasks);
        this.lens = lens;
    }

    @Override
    public Optional<Scenario> scenario(String id) {
        return all().stream().filter(s -> s.id().equals(id)).findFirst().map(CurriculumLibrary::view);
    }

    @Override
    public List<Scenario> scenarios(List<String> tasks) {
        return scenarios(tasks, List.of());
    }

    @Override
    public List<Scenario> scenarios(List<String> tasks, List<String> themes) {
        return Curriculum.scenariosFor(all(), tasks, themes).stream()
                .map(CurriculumLibrary::view)
                .toList();
    }

    private List<Curriculum.Scenario> all() {
        List<Curriculum.Scenario> all = new ArrayList<>(ownScenarios);
        curriculum.scenarios().stream()
                .filter(s -> ownScenarios.stream().noneMatch(o -> o.id().equals(s.id())))
                .forEach(all::add);
        return all;
    }

    private static Scenario view(Curriculum.Scenario s) {
        return new Scenario(s.id(), s.title(), s.contentNote(), s.shared(), new LinkedHashMap<>(s.roles()));
    }

    @Override
    public Optional<Statement> statement(String id) {
        return curriculum.reframes().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .map(r -> new Statement(r.id(), r.statement(), r.pattern(), r.rewrites()));
    }

    @Override
    public Optional<RolePlayPlan> rolePlay(String moduleId) {
        Curriculum.Activity pinned = pinnedRolePlays.get(moduleId);
        if (pinned != null) {
            return Optional.of(new RolePlayPlan(
                    pinned.groupSize(),
                    pinned.rounds(),
                    pinned.minutes(),
                    pinnedTasks.get(moduleId),
                    pinned.themes(),
                    roundMinutes(pinned)));
        }
        return curriculum
                .module(moduleId)
                .flatMap(module -> module.activities().stream()
                        .filter(a -> "role-play".equals(a.kind()))
                        .findFirst()
                        .map(a -> new RolePlayPlan(
                                a.groupSize(), a.rounds(), a.minutes(), module.tasks(), a.themes(), roundMinutes(a))));
    }

    private static Integer roundMinutes(Curriculum.Activity a) {
        return a.parts() == null ? null : a.parts().round();
    }

    @Override
    public List<LensMark> lens(String text) {
        return lens.mark(text).stream()
                .map(m -> new LensMark(
                        m.start(), m.end(), m.text(), m.term().term(), m.term().category()))
                .toList();
    }
}
