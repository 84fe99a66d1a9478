package io.mutuality.live;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/** The room bus on a single node: events go straight to this node's listeners, in order. */
@ApplicationScoped
public class InProcessRoomBus implements RoomBus {

    private final List<BiConsumer<UUID, List<StoredEvent>>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(UUID roomId, List<StoredEvent> events) {
        listeners.forEach(listener -> listener.accept(roomId, events));
    }

    @Override
    public void subscribe(BiConsumer<UUID, List<StoredEvent>> listener) {
        listeners.add(listener);
    }
}
