package io.mutuality.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.engine.Activities;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rooms' event logs and remembered command answers, in the database. */
@ApplicationScoped
public class RoomLog {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Activities activities;

    /** The events of a room after {@code afterSeq}, in order. */
    @Transactional
    public List<RoomEvent> after(UUID roomId, long afterSeq) {
        List<Object[]> rows = rowsAfter(
                "seq, created_at, kind, data, scope, person, actor_id, people", roomId, afterSeq, Integer.MAX_VALUE);
        List<RoomEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new RoomEvent(
                    ((Number) row[0]).longValue(),
                    instant(row[1]),
                    (String) row[2],
                    read((String) row[3]),
                    new Visibility(
                            Visibility.Scope.valueOf((String) row[4]), uuid(row[5]), Visibility.parsePeople((String)
                                    row[7])),
                    uuid(row[6])));
        }
        return events;
    }

    /**
     * The room's events after {@code afterSeq} up to {@code upTo}, with their data as stored: what
     * a node delivers when the bus has not brought another node's events (yet).
     */
    @Transactional
    public List<StoredEvent> stored(UUID roomId, long afterSeq, long upTo) {
        List<Object[]> rows =
                rowsAfter("seq, created_at, kind, data, scope, person, actor_id, people", roomId, afterSeq, (int)
                        Math.min(Integer.MAX_VALUE - 1, Math.max(0, upTo - afterSeq)));
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String data = (String) row[3];
            RoomEvent event = new RoomEvent(
                    ((Number) row[0]).longValue(),
                    instant(row[1]),
                    (String) row[2],
                    read(data),
                    new Visibility(
                            Visibility.Scope.valueOf((String) row[4]), uuid(row[5]), Visibility.parsePeople((String)
                                    row[7])),
                    uuid(row[6]));
            if (event.seq() <= upTo) {
                events.add(StoredEvent.of(event, data));
            }
        }
        return events;
    }

    /** The last sequence number in each of these rooms' logs (rooms with no events are left out). */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<UUID, Long> latest(List<UUID> roomIds) {
        Map<UUID, Long> latest = new java.util.HashMap<>();
        for (int from = 0; from < roomIds.size(); from += 500) {
            List<UUID> part = roomIds.subList(from, Math.min(roomIds.size(), from + 500));
            List<Object[]> rows = em.createNativeQuery(
                            "select room_id, max(seq) from room_event where room_id in (:rooms) group by room_id")
                    .setParameter("rooms", part)
                    .getResultList();
            rows.forEach(row -> latest.put(uuid(row[0]), ((Number) row[1]).longValue()));
        }
        return latest;
    }

    /** The rooms a participant joined. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> roomsJoined(UUID participantId) {
        List<Object> rows = em.createNativeQuery(ROOMS_JOINED)
                .setParameter(1, participantId)
                .getResultList();
        return rows.stream().map(RoomLog::uuid).distinct().toList();
    }

    /** An event as a catch-up sends it: who may see it, and the message, its data spliced in as stored. */
    public record Logged(long seq, Visibility visibility, String wire, long wireBytes) {}

    /**
     * At most {@code limit} of the room's events after a sequence number, as messages ready to send:
     * the stored data goes out as it was written, without being read and written again.
     */
    public List<Logged> page(UUID roomId, long afterSeq, int limit) {
        List<Object[]> rows = rowsAfter("seq, created_at, kind, data, scope, person, people", roomId, afterSeq, limit);
        List<Logged> page = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            long seq = ((Number) row[0]).longValue();
            String wire = StoredEvent.wire(seq, instant(row[1]).toString(), (String) row[2], (String) row[3]);
            page.add(new Logged(
                    seq,
                    new Visibility(
                            Visibility.Scope.valueOf((String) row[4]), uuid(row[5]), Visibility.parsePeople((String)
                                    row[6])),
                    wire,
                    RoomWire.utf8Length(wire)));
        }
        return page;
    }

    /** These columns of at most {@code limit} of a room's events after a sequence number, in order. */
    @SuppressWarnings("unchecked")
    private List<Object[]> rowsAfter(String columns, UUID roomId, long afterSeq, int limit) {
        var query = em.createNativeQuery(
                        "select " + columns + " from room_event where room_id = ?1 and seq > ?2 order by seq")
                .setParameter(1, roomId)
                .setParameter(2, afterSeq);
        if (limit < Integer.MAX_VALUE) {
            query.setMaxResults(limit);
        }
        return query.getResultList();
    }

    /** Who sent each command id the room has answered: a node that opens the room knows which ids are repeats. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Object[]> commandKeys(UUID roomId) {
        List<Object[]> rows = em.createNativeQuery("select actor_id, command_id from room_command where room_id = ?1")
                .setParameter(1, roomId)
                .getResultList();
        rows.forEach(row -> row[0] = uuid(row[0]));
        return rows;
    }

    /** The first answer to a command id, if the command was seen before. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Optional<String> answered(UUID roomId, UUID actorId, String commandId) {
        List<Object> rows = em.createNativeQuery(
                        "select response from room_command where room_id = ?1 and actor_id = ?2 "
                                + "and command_id = ?3")
                .setParameter(1, roomId)
                .setParameter(2, actorId)
                .setParameter(3, commandId)
                .getResultList();
        return rows.stream().findFirst().map(String::valueOf);
    }

    /**
     * Removes what participants wrote from a room's events (retention): the events stay, so
     * counts and attendance still add up; facilitators' own prompts and notes stay too.
     * Returns how many events were changed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public int purgeParticipantText(UUID roomId) {
        em.createNativeQuery("delete from room_command where room_id = ?1")
                .setParameter(1, roomId)
                .executeUpdate();
        List<Object[]> rows = em.createNativeQuery("select seq, data, kind from room_event where room_id = ?1 "
                        + "and actor_id in (select p.id from participant p)")
                .setParameter(1, roomId)
                .getResultList();
        int changed = 0;
        for (Object[] row : rows) {
            Map<String, Object> data = read((String) row[1]);
            if (activities.removePrivateText((String) row[2], data)) {
                data.put("purged", true);
                em.createNativeQuery("update room_event set data = ?1 where room_id = ?2 and seq = ?3")
                        .setParameter(1, write(data))
                        .setParameter(2, roomId)
                        .setParameter(3, row[0])
                        .executeUpdate();
                changed++;
            }
        }
        return changed;
    }

    /**
     * Erases what a participant wrote in every room: answers, journal entries, rewrites, notes
     * and proposals keep their place (so counts stay) but lose their text, and their name is
     * replaced wherever it appears (group layouts, pairs, notes about them). Returns the rooms
     * whose log changed.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public java.util.Set<UUID> erase(UUID participantId) {
        String id = participantId.toString();
        java.util.Set<UUID> rooms = new java.util.HashSet<>();
        // answers kept for repeated command ids carry no text of theirs, but the person is gone: so are they
        em.createNativeQuery("delete from room_command where actor_id = ?1 and room_id in (" + ROOMS_JOINED + ")")
                .setParameter(1, participantId)
                .executeUpdate();
        List<Object[]> rows = em.createNativeQuery(
                        "select room_id, seq, actor_id, data, kind from room_event where room_id in (" + ROOMS_JOINED
                                + ") and (actor_id = ?1 or data like ?2)")
                .setParameter(1, participantId)
                .setParameter(2, "%" + id + "%")
                .getResultList();
        for (Object[] row : rows) {
            Map<String, Object> data = read((String) row[3]);
            if (participantId.equals(uuid(row[2]))) {
                activities.removePrivateText((String) row[4], data);
                if (data.containsKey("name")) {
                    data.put("name", ERASED_NAME);
                }
                if (data.containsKey("by")) {
                    data.put("by", ERASED_NAME);
                }
                data.put("erased", true);
            }
            scrubName(data, id);
            em.createNativeQuery("update room_event set data = ?1 where room_id = ?2 and seq = ?3")
                    .setParameter(1, write(data))
                    .setParameter(2, row[0])
                    .setParameter(3, row[1])
                    .executeUpdate();
            rooms.add(uuid(row[0]));
        }
        return rooms;
    }

    static final String ERASED_NAME = "Someone who left";

    /**
     * The rooms a participant ({@code ?1}) joined: the only rooms where they can have written or
     * been named, found through the room's key rather than an index on every event's author.
     */
    private static final String ROOMS_JOINED = "select a.room_id from room_attendance a where a.participant_id = ?1";

    /** Replaces the name beside a participant's id anywhere in an event's data. */
    @SuppressWarnings("unchecked")
    private static void scrubName(Object node, String id) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> m = (Map<String, Object>) map;
            if (id.equals(m.get("participantId")) && m.containsKey("name")) {
                m.put("name", ERASED_NAME);
            }
            if (id.equals(m.get("byId")) && m.containsKey("by")) {
                m.put("by", ERASED_NAME);
            }
            m.values().forEach(value -> scrubName(value, id));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> scrubName(value, id));
        }
    }

    /** What a participant wrote (answers, journal entries, rewrites, observer notes, proposals), for their export. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> writtenBy(UUID participantId) {
        List<Object[]> rows = em.createNativeQuery(
                        "select kind, data, created_at from room_event where room_id in ("
                                + ROOMS_JOINED + ") and actor_id = ?1 and kind in (?2) "
                                + "and scope in ('PERSON', 'EVERYONE', 'FACILITATORS_AND_PERSON', 'PEOPLE') order by created_at, seq")
                .setParameter(1, participantId)
                .setParameter(2, List.copyOf(activities.exportedKinds()))
                .getResultList();
        List<Map<String, Object>> written = new ArrayList<>();
        for (Object[] row : rows) {
            Map<String, Object> data = read((String) row[1]);
            data.put("kind", row[0]);
            data.put("at", instant(row[2]).toString());
            written.add(data);
        }
        return written;
    }

    private String write(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event in the room log could not be read", e);
        }
    }

    /** PostgreSQL answers native queries with UUIDs, H2 with their 16 bytes. */
    static UUID uuid(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof UUID u) {
            return u;
        }
        if (value instanceof byte[] bytes && bytes.length == 16) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
