package io.mutuality.live.engine;

/** A canonical text of a room's state, for tests outside this package to compare two states. */
public final class StateSnapshot {

    private StateSnapshot() {}

    public static String of(RoomState state) {
        return RoomSimulation.snapshot(state);
    }
}
