package io.mutuality.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The room bus on a single node: events go straight to this node's listeners, in order. */
public class InProcessRoomBus implements RoomBus {

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Stored stored) {
        listeners.forEach(listener -> listener.stored(stored, false));
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }
}
