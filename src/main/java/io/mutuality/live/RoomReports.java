package io.mutuality.live;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import io.mutuality.common.ProblemException;
import io.mutuality.identity.AuditLog;
import io.mutuality.identity.Caller;
import io.mutuality.live.engine.Activities;
import io.mutuality.live.engine.DaySummary;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;

/** What a day's room adds up to: attendance from presence, and a summary of what was shared publicly. */
@ApplicationScoped
public class RoomReports {

    @Inject
    RoomLog log;

    @Inject
    Activities activities;

    @Inject
    RoomService rooms;

    @Inject
    SchedulingService scheduling;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public record AttendanceRow(
            UUID participantId,
            String name,
            Instant firstJoined,
            Instant lastLeft,
            long minutesPresent,
            boolean present,
            boolean corrected,
            String note,
            boolean leftAtEnd) {}

    /**
     * A day's summary: the room, the agenda, how many participants came, and each activity's part
     * under its own key beside them ({@code checkins}, {@code reframing}, {@code roleplays}, {@code notes}, …).
     */
    @Schema(
            additionalProperties = Schema.True.class,
            properties = {
                @SchemaProperty(
                        name = "checkins",
                        type = SchemaType.ARRAY,
                        description =
                                "Check-ins: prompt, when, the answers shared with everyone, how many answered at what energy"),
                @SchemaProperty(
                        name = "reframing",
                        type = SchemaType.ARRAY,
                        description = "Reframing boards: statements with the rewrites shared with everyone"),
                @SchemaProperty(
                        name = "roleplays",
                        type = SchemaType.ARRAY,
                        description = "Role-plays: title, rounds, what each group chose to share with the room"),
                @SchemaProperty(
                        name = "notes",
                        type = SchemaType.ARRAY,
                        description = "Notes a facilitator shared with the room")
            })
    public record Summary(
            String code,
            String cohortTitle,
            int dayNumber,
            List<Map<String, Object>> agenda,
            int participants,
            @JsonIgnore Map<String, Object> activities) {

        @JsonAnyGetter
        public Map<String, Object> activityParts() {
            return activities;
        }
    }

    /** The day's room, if the caller facilitates the cohort (its trainers, the organisation's admins). */
    Room facilitatedRoom(OrganisationId organisation, CohortId cohort, int dayNumber) {
        rooms.facilitatedDay(organisation, cohort, dayNumber);
        return Room.forDay(cohort.value(), dayNumber)
                .orElseThrow(
                        () -> ProblemException.notFound("room for day " + dayNumber + " (it has not been opened)"));
    }

    /** First join, last leave and minutes present for each participant, with trainers' corrections applied. */
    @Transactional
    public List<AttendanceRow> attendance(OrganisationId organisation, CohortId cohort, int dayNumber) {
        return attendanceOf(facilitatedRoom(organisation, cohort, dayNumber));
    }

    /**
     * Minutes present in a day's room for each participant who gave an email when joining, by
     * email (lower case), with trainers' corrections applied; empty when the day has no room.
     * For other features (registration's attendance grid); the caller has checked access.
     */
    @Transactional
    public Optional<Map<String, Long>> minutesByEmail(CohortId cohort, int dayNumber) {
        return Room.forDay(cohort.value(), dayNumber).map(room -> {
            Map<String, Long> minutes = new HashMap<>();
            for (AttendanceRow row : attendanceOf(room)) {
                Participant.<Participant>findByIdOptional(row.participantId())
                        .filter(p -> !p.isErased() && p.email != null && row.present())
                        .ifPresent(p -> minutes.merge(
                                p.email.strip().toLowerCase(java.util.Locale.ROOT), row.minutesPresent(), Long::sum));
            }
            return minutes;
        });
    }

    private List<AttendanceRow> attendanceOf(Room room) {
        Map<UUID, Instant> first = new LinkedHashMap<>();
        Map<UUID, Instant> last = new HashMap<>();
        Map<UUID, Instant> since = new HashMap<>();
        Map<UUID, Long> seconds = new HashMap<>();
        Set<UUID> leftAtEnd = new HashSet<>();
        for (RoomEvent event : log.after(room.id, 0)) {
            if (event.kind().equals("day.ended")) {
                // ending the day closes attendance: everyone still here left at the end of the day
                since.forEach((person, from) -> {
                    seconds.merge(
                            person,
                            Math.max(0, Duration.between(from, event.at()).toSeconds()),
                            Long::sum);
                    last.put(person, event.at());
                    leftAtEnd.add(person);
                });
                since.clear();
                continue;
            }
            if (!event.kind().startsWith("presence.") && !event.kind().equals("participant.removed")) {
                continue;
            }
            UUID person = UUID.fromString(String.valueOf(event.data().get("participantId")));
            if (event.kind().equals("presence.joined")) {
                if ("facilitator".equals(event.data().get("role"))) {
                    continue;
                }
                first.putIfAbsent(person, event.at());
                since.put(person, event.at());
            } else if (since.containsKey(person)) {
                seconds.merge(
                        person,
                        Duration.between(since.remove(person), event.at()).toSeconds(),
                        Long::sum);
                last.put(person, event.at());
            }
        }
        Instant end = clock.instant().isBefore(room.closesAt) ? clock.instant() : room.closesAt;
        since.forEach((person, from) ->
                seconds.merge(person, Math.max(0, Duration.between(from, end).toSeconds()), Long::sum));
        Map<UUID, Object[]> corrections = corrections(room.id);
        List<AttendanceRow> rows = new ArrayList<>();
        List<UUID> people = new ArrayList<>(first.keySet());
        corrections.keySet().stream().filter(p -> !first.containsKey(p)).forEach(people::add);
        for (UUID person : people) {
            String name = Participant.<Participant>findByIdOptional(person)
                    .map(p -> p.isErased() ? "Someone who left" : p.displayName)
                    .orElse("Someone who left");
            Object[] correction = corrections.get(person);
            long minutes = seconds.getOrDefault(person, 0L) / 60;
            boolean present = first.containsKey(person);
            String note = null;
            if (correction != null) {
                present = (Boolean) correction[0];
                minutes = correction[1] == null ? (present ? minutes : 0) : ((Number) correction[1]).longValue();
                note = (String) correction[2];
            }
            rows.add(new AttendanceRow(
                    person,
                    name,
                    first.get(person),
                    since.containsKey(person) ? null : last.get(person),
                    minutes,
                    present,
                    correction != null,
                    note,
                    leftAtEnd.contains(person)));
        }
        return rows;
    }

    /** A trainer's correction: someone was there (or not), for so many minutes, with a short note. */
    @Transactional
    public void correct(
            OrganisationId organisation,
            CohortId cohort,
            int dayNumber,
            UUID participantId,
            boolean present,
            Integer minutes,
            String note) {
        Room room = facilitatedRoom(organisation, cohort, dayNumber);
        Participant participant = Participant.<Participant>findByIdOptional(participantId)
                .filter(p -> p.cohortId.equals(room.cohortId))
                .orElseThrow(() -> ProblemException.notFound("participant of this cohort"));
        em.createNativeQuery("delete from attendance_correction where room_id = ?1 and participant_id = ?2")
                .setParameter(1, room.id)
                .setParameter(2, participant.id)
                .executeUpdate();
        em.createNativeQuery("insert into attendance_correction (room_id, participant_id, present, minutes, note, "
                        + "corrected_by, corrected_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, room.id)
                .setParameter(2, participant.id)
                .setParameter(3, present)
                .setParameter(4, minutes)
                .setParameter(5, note)
                .setParameter(6, caller.requireAccount().value())
                .setParameter(7, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
        audit.record(
                organisation.value(),
                "attendance.corrected",
                "day " + dayNumber,
                (present ? "present" : "absent") + (minutes == null ? "" : ", " + minutes + " minutes"));
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, Object[]> corrections(UUID roomId) {
        List<Object[]> rows = em.createNativeQuery(
                        "select participant_id, present, minutes, note from attendance_correction "
                                + "where room_id = ?1")
                .setParameter(1, roomId)
                .getResultList();
        Map<UUID, Object[]> map = new HashMap<>();
        for (Object[] row : rows) {
            UUID id = RoomLog.uuid(row[0]);
            map.put(id, new Object[] {row[1], row[2], row[3]});
        }
        return map;
    }

    /**
     * The day as the whole room saw it: agenda moves with time spent, and each activity's part
     * (check-ins with the answers shared with everyone, the reframing board, role-plays, shared
     * notes). Nothing private: no journals, no facilitator-only answers, no names on anonymous answers.
     */
    @Transactional
    public Summary summary(OrganisationId organisation, CohortId cohort, int dayNumber) {
        Room room = facilitatedRoom(organisation, cohort, dayNumber);
        DaySummary.Day day = DaySummary.of(log.after(room.id, 0), activities);
        String title =
                scheduling.cohort(organisation, cohort).map(c -> c.getTitle()).orElse("");
        return new Summary(room.code, title, dayNumber, day.agenda(), day.participants(), day.parts());
    }
}
