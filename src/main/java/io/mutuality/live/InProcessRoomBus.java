package io.mutuality.live;

import io.mutuality.live.engine.RoomEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** The room bus on a single node: events go straight to this node's listeners, in order. */
@ApplicationScoped
public class InProcessRoomBus implements RoomBus {

    private final List<BiConsumer<UUID, RoomEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(UUID roomId, RoomEvent event) {
        listeners.forEach(listener -> listener.accept(roomId, event));
    }

    @Override
    public void subscribe(BiConsumer<UUID, RoomEvent> listener) {
        listeners.add(listener);
    }
}
