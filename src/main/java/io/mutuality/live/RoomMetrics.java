package io.mutuality.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The live rooms' counts in the metrics: the log writer's batches and writes (their ratio is the
 * average batch), how often a room was folded again because another node stored first, and how
 * often events were read from the log because the bus had not brought them. The beans are reached
 * through their client proxies, so every count is read through a method, never a field (a proxy's
 * own fields stay at zero).
 */
@ApplicationScoped
@io.quarkus.arc.Unremovable
public class RoomMetrics implements MeterBinder {

    @Inject
    GroupCommit commits;

    @Inject
    RoomRecovery rooms;

    @Inject
    RoomFeed feed;

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("mutuality.room.log.batches", commits, c -> c.counts()[0])
                .description("Transactions the room log writer committed")
                .register(registry);
        FunctionCounter.builder("mutuality.room.log.writes", commits, c -> c.counts()[1])
                .description("Room writes (a command's events and answer) in those transactions")
                .register(registry);
        FunctionCounter.builder("mutuality.room.refolds", rooms, RoomRecovery::refolds)
                .description("Rooms folded again from the log because another node stored first")
                .register(registry);
        FunctionCounter.builder("mutuality.room.gaps.filled", feed, RoomFeed::gapsFilled)
                .description("Reads of the log for events the room bus had not brought")
                .register(registry);
    }
}
