package io.mutuality.live;

import io.mutuality.live.engine.Activities;
import io.mutuality.live.engine.RoomEngine;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The activities this server's rooms run, and the engine over them: one list for the engine,
 * the wire, the log's erasure and export, and the day's summary.
 */
@Singleton
public class RoomActivities {

    @Produces
    @Singleton
    Activities activities() {
        return Activities.standard();
    }

    @Produces
    @Singleton
    RoomEngine engine(Activities activities) {
        return new RoomEngine(activities);
    }
}
