package io.mutuality.live;

import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.curriculum.Curriculum;
import io.mutuality.curriculum.CurriculumApi;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomState;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rooms this node holds in memory: each a cache of its log, folded from it the first time it
 * is used here, and folded again when the log was scrubbed. What a room's activities draw on (the
 * banks, the cohort's own scenarios, the day's agenda) is looked up once, when it is made.
 */
@ApplicationScoped
public class RoomRuntimes {

    @Inject
    RoomLog log;

    @Inject
    RoomEngine engine;

    @Inject
    SchedulingService scheduling;

    @Inject
    CourseCatalogue catalogue;

    /** Answers kept whole per room (every id is remembered by a fingerprint besides). */
    @ConfigProperty(name = "mutuality.live.answers-kept-per-room", defaultValue = "1024")
    int answersKept;

    private final Map<UUID, RoomRuntime> rooms = new ConcurrentHashMap<>();

    /** The room's copy on this node, folded from its log the first time it is needed. */
    RoomRuntime runtime(Room room) {
        return rooms.computeIfAbsent(room.id, id -> {
            Optional<CurriculumApi.ResolvedCourse> course = room.isPractice()
                    ? Optional.empty()
                    : QuarkusTransaction.requiringNew()
                            .call(() -> scheduling.curriculum(
                                    new OrganisationId(room.organisationId), new CohortId(room.cohortId)));
            RoomState state = engine.newRoom(agendaTitles(room, course), library(course));
            log.after(id, 0).forEach(state::apply);
            CommandMemory commands = new CommandMemory(answersKept);
            log.commandKeys(id).forEach(key -> commands.known((UUID) key[0], (String) key[1]));
            return new RoomRuntime(id, room.organisationId, state, commands);
        });
    }

    /** The room's copy, if this node holds one. */
    RoomRuntime get(UUID roomId) {
        return rooms.get(roomId);
    }

    Collection<RoomRuntime> all() {
        return rooms.values();
    }

    Set<UUID> ids() {
        return rooms.keySet();
    }

    /** Drops a copy whose write failed; the next use folds the log again. */
    void drop(RoomRuntime runtime) {
        rooms.remove(runtime.roomId, runtime);
    }

    /** Forgets this node's copy of a room, so the next use rebuilds it from the log (tests; a node taking over). */
    void forget(UUID roomId) {
        RoomRuntime runtime = rooms.get(roomId);
        if (runtime != null) {
            runtime.lock.lock();
            try {
                runtime.awaitWrites();
                rooms.remove(roomId, runtime);
            } finally {
                runtime.lock.unlock();
            }
        }
    }

    /** Folds this node's copy of a room again from its log, after the log was scrubbed (erasure, retention). */
    void refold(UUID roomId) {
        RoomRuntime runtime = rooms.get(roomId);
        if (runtime != null) {
            runtime.lock.lock();
            try {
                runtime.awaitWrites(); // the fold must not miss what is on its way to the log
                List<RoomEvent> scrubbed = QuarkusTransaction.requiringNew().call(() -> log.after(roomId, 0));
                runtime.state = runtime.state.refolded(scrubbed);
                runtime.commands.forgetAnswers(); // repeats are answered from the scrubbed log
            } finally {
                runtime.lock.unlock();
            }
        }
    }

    private static List<String> agendaTitles(Room room, Optional<CurriculumApi.ResolvedCourse> course) {
        return course.filter(c -> room.dayNumber != null
                        && room.dayNumber >= 1
                        && room.dayNumber <= c.days().size())
                .map(c -> c.days().get(room.dayNumber - 1).agenda().stream()
                        .map(s -> s.title())
                        .toList())
                .orElse(List.of());
    }

    /** What the room's activities draw on: the banks, the cohort's own scenarios and pinned modules, the lens. */
    private CurriculumLibrary library(Optional<CurriculumApi.ResolvedCourse> course) {
        Map<String, Curriculum.Activity> rolePlays = new HashMap<>();
        Map<String, List<String>> tasks = new HashMap<>();
        course.ifPresent(c -> c.days()
                .forEach(day -> day.agenda().forEach(slot -> {
                    if (slot.module() != null) {
                        slot.module().activities().stream()
                                .filter(a -> "role-play".equals(a.kind()))
                                .findFirst()
                                .ifPresent(a -> {
                                    rolePlays.put(slot.module().id(), a);
                                    tasks.put(slot.module().id(), slot.module().tasks());
                                });
                    }
                })));
        return new CurriculumLibrary(
                catalogue.curriculum(),
                course.map(c -> c.ownScenarios() == null ? List.<Curriculum.Scenario>of() : c.ownScenarios())
                        .orElse(List.of()),
                rolePlays,
                tasks,
                catalogue.lens());
    }
}
