package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutuality.common.RateLimiter;
import io.mutuality.common.RateLimits;
import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.RoomEngine;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where a socket's frames come in: each is read (a bad one answered with an error, nothing
 * else), limited (a person's commands across nodes, a connection's pings here), and then either a
 * {@code hello} (who this is, which room, how many windows they have open, then the catch-up) or a
 * command for {@link LiveRooms}. A closing connection is a person leaving once their last one here
 * is gone.
 */
@ApplicationScoped
public class RoomEntrance {

    private static final Logger LOG = Logger.getLogger(RoomEntrance.class);

    /** Pings one connection may send in ten seconds (a heartbeat every few seconds is well inside it). */
    static final int PINGS_PER_CONNECTION = 30;

    @Inject
    LiveRooms rooms;

    @Inject
    RoomAdmission admission;

    @Inject
    io.mutuality.scheduling.SchedulingService scheduling;

    @Inject
    RoomRuntimes runtimes;

    @Inject
    RoomConnections connections;

    @Inject
    RoomFeed feed;

    @Inject
    RoomEngine engine;

    @Inject
    RateLimits limits;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Commands one person may send in ten seconds, across all their connections. */
    @ConfigProperty(name = "mutuality.live.commands-per-person", defaultValue = "20")
    int commandsPerPerson;

    /** Connections one person may have open to one room (tabs, a laptop and a phone). */
    @ConfigProperty(name = "mutuality.live.connections-per-person", defaultValue = "4")
    int connectionsPerPerson;

    private RoomWire wire;
    private RateLimiter commandLimit;
    private RateLimiter pingLimit;

    @PostConstruct
    void start() {
        wire = new RoomWire(json, engine.activities());
        commandLimit = limits.limiter("room-commands-per-person", commandsPerPerson, Duration.ofSeconds(10));
        pingLimit = limits.local("room-pings-per-connection", PINGS_PER_CONNECTION, Duration.ofSeconds(10));
    }

    /** A text frame from a client. Nothing in it can break the room: every problem becomes an error message. */
    public void receive(WebSocketConnection connection, String code, SecurityIdentity identity, String text) {
        connections.heard(connection);
        RoomWire.Read read = wire.read(text);
        if (read instanceof RoomWire.Read.Refused refused) {
            connections.send(connection, refused.answer());
            return;
        }
        Command command = ((RoomWire.Read.Ok) read).command();
        RoomMember member = connections.member(connection);
        // a ping only asks whether the connection is alive (clients send one every few seconds): it is limited per
        // connection, on this node, and never takes from the person's commands
        String limitKey = member == null ? connection.id() : member.room.roomId + "/" + member.actor.id();
        if (command instanceof Command.Ping && member != null
                ? pingLimit.acquire(connection.id()) > 0
                : commandLimit.acquire(limitKey) > 0) {
            connections.send(
                    connection,
                    wire.error(command.id(), "rate-limited", "That is a lot of messages at once; wait a moment."));
            return;
        }
        try {
            if (command instanceof Command.Hello hello) {
                hello(connection, code, identity, hello);
            } else if (member == null) {
                connections.send(connection, wire.error(command.id(), "hello-first", "Send hello first."));
            } else if (command instanceof Command.Ping) {
                connections.send(connection, wire.pong(command.id()));
            } else {
                rooms.command(member, command);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "A room command failed (room %s)", code);
            connections.send(
                    connection,
                    wire.error(command.id(), "invalid", "The room could not do that just now. Please try again."));
        }
    }

    private void hello(WebSocketConnection connection, String code, SecurityIdentity identity, Command.Hello hello) {
        if (connections.saidHello(connection)) {
            connections.send(
                    connection, wire.error(hello.id(), "invalid", "You have already said hello on this connection."));
            return;
        }
        Optional<Room> found = admission.room(code);
        if (found.isEmpty()) {
            refuse(connection, hello.id(), "not-found", "There is no room with that code.");
            return;
        }
        Room room = found.get();
        Optional<Actor> actor = admission.actor(room, identity, hello.token());
        if (actor.isEmpty()) {
            refuse(
                    connection,
                    hello.id(),
                    "unauthorised",
                    "Join the room with its code first, or sign in as its facilitator.");
            return;
        }
        RoomRuntime runtime = runtimes.runtime(room);
        RoomMember member;
        runtime.lock.lock();
        try {
            if (!actor.get().facilitator()
                    && runtime.state.isRemoved(actor.get().id())) {
                refuse(
                        connection,
                        hello.id(),
                        "removed",
                        "A facilitator has asked you to step out of the room for now.");
                return;
            }
            long open = runtime.connections.values().stream()
                    .filter(m -> m.actor.id().equals(actor.get().id()))
                    .count();
            if (open >= connectionsPerPerson) {
                refuse(
                        connection,
                        hello.id(),
                        "too-many-connections",
                        "This room is already open in " + open
                                + " windows or devices of yours; close one of them first.");
                return;
            }
            long lastSeq = hello.lastSeq() == null ? 0 : Math.max(0, hello.lastSeq());
            long published = runtime.published;
            connections.send(connection, welcome(room, actor.get(), published));
            member = connections.join(connection, actor.get(), runtime);
            member.delivered = Math.min(lastSeq, published);
            rooms.arrive(runtime, member, 0, System.nanoTime());
        } finally {
            runtime.lock.unlock();
        }
        feed.catchUp(member);
    }

    private void refuse(WebSocketConnection connection, String id, String code, String message) {
        connections.send(connection, wire.error(id, code, message));
        RoomConnections.close(connection, null);
    }

    private String welcome(Room room, Actor actor, long published) {
        ObjectNode welcome = wire.envelope("welcome");
        welcome.putObject("you")
                .put("kind", actor.facilitator() ? "facilitator" : "participant")
                .put("id", actor.id().toString())
                .put("name", actor.name());
        Map<String, Object> about = new java.util.LinkedHashMap<>();
        about.put("code", room.code);
        about.put("cohortTitle", admission.title(room));
        about.put("dayNumber", room.dayNumber);
        about.put("closesAt", room.closesAt.toString());
        // a day room shows who participants can reach and the group's working agreements; a practice room has neither
        io.mutuality.scheduling.SchedulingService.RoomNotes notes = room.isPractice() || room.cohortId == null
                ? new io.mutuality.scheduling.SchedulingService.RoomNotes(null, java.util.List.of())
                : io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                        .call(() -> scheduling.roomNotes(
                                new io.mutuality.scheduling.OrganisationId(room.organisationId),
                                new io.mutuality.scheduling.CohortId(room.cohortId)));
        about.put("supportContact", notes.supportContact());
        about.put("workingAgreements", notes.workingAgreements());
        welcome.set("room", json.valueToTree(about));
        welcome.put("latestSeq", published);
        welcome.put("now", clock.instant().toString());
        return wire.write(welcome);
    }

    /** A connection closed; the person's last connection here closing means they left. */
    public void closed(WebSocketConnection connection) {
        RoomMember member = connections.closed(connection);
        if (member == null) {
            return;
        }
        RoomRuntime runtime = member.room;
        runtime.lock.lock();
        try {
            runtime.connections.remove(connection.id());
            rooms.leave(runtime, member.actor, 0, System.nanoTime());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not record that someone left room %s", runtime.roomId);
        } finally {
            runtime.lock.unlock();
        }
    }
}
