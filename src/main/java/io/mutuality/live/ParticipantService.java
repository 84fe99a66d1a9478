package io.mutuality.live;

import io.mutuality.common.ProblemException;
import io.mutuality.common.RateLimiter;
import io.mutuality.common.RateLimits;
import io.mutuality.identity.OrganisationDirectory;
import io.mutuality.identity.ParticipantTokens;
import io.mutuality.identity.PlatformSecrets;
import io.mutuality.live.LiveApi.Export;
import io.mutuality.live.LiveApi.ExportedParticipant;
import io.mutuality.live.LiveApi.ExportedRoom;
import io.mutuality.live.LiveApi.JoinRequest;
import io.mutuality.live.LiveApi.JoinView;
import io.mutuality.live.LiveApi.ParticipantView;
import io.mutuality.live.LiveApi.RoomSummary;
import io.mutuality.scheduling.SchedulingService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Joining a room with its code, and a participant's export and erasure of what they wrote. */
@ApplicationScoped
public class ParticipantService {

    @Inject
    Clock clock;

    @Inject
    PlatformSecrets secrets;

    @Inject
    SchedulingService scheduling;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    io.mutuality.identity.IdentityConfig config;

    @Inject
    RoomLog roomLog;

    @Inject
    RoomService roomService;

    private RateLimiter perAddress;
    private RateLimiter perCode;

    @Inject
    RateLimits limits;

    @PostConstruct
    void limits() {
        perAddress = limits.limiter("join-per-address", config.joinLimitPerAddress(), Duration.ofMinutes(1));
        perCode = limits.limiter("join-per-room", config.joinLimitPerRoom(), Duration.ofMinutes(1));
    }

    /**
     * Joins the open room with this code. A device token from an earlier join in the same
     * cohort brings the person back as themselves; otherwise they join as someone new.
     */
    @Transactional
    public JoinView join(String typedCode, JoinRequest request, String address) {
        long wait = perAddress.acquire(address);
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(
                    "Too many tries from this device. Wait a moment and try again.", wait);
        }
        Instant now = clock.instant();
        Room room = RoomCode.parse(typedCode)
                .flatMap(code -> Room.openWithCode(code, now))
                .orElseThrow(() -> ProblemException.notFound("open room with that code"));
        wait = perCode.acquire(room.code);
        if (wait > 0) {
            throw ProblemException.tooManyAttempts(
                    "Many people are joining this room at once. Try again in a moment.", wait);
        }
        String name = io.mutuality.common.Text.normalise(request.displayName());
        if (name.isEmpty()) {
            throw ProblemException.rule("displayName", "Tell the room what to call you.");
        }
        name = io.mutuality.common.Text.name("displayName", name);
        String email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().strip().toLowerCase(Locale.ROOT);
        var known = Participant.recognise(room.cohortId, request.deviceToken());
        Participant participant;
        String deviceToken;
        if (known.isPresent()) {
            participant = known.get();
            participant.rename(name, email);
            deviceToken = request.deviceToken();
        } else {
            Participant.Joined joined = Participant.join(room.organisationId, room.cohortId, name, email, now);
            joined.participant().persist();
            participant = joined.participant();
            deviceToken = joined.deviceToken();
        }
        RoomAttendance.record(room.id, participant.id, now);
        String token = tokens().issue(new ParticipantTokens.Claims(
                participant.id, room.id, room.cohortId, room.organisationId, room.closesAt));
        return new JoinView(
                new ParticipantView(participant.id, participant.displayName),
                token,
                room.closesAt,
                deviceToken,
                known.isPresent(),
                summary(room));
    }

    /** Everything the participant wrote, as they can take it away. */
    public Export export(ParticipantTokens.Claims claims) {
        Participant participant = live(claims);
        List<ExportedRoom> rooms = RoomAttendance.<RoomAttendance>list("key.participantId", participant.id).stream()
                .map(a -> Room.<Room>findById(a.key.roomId))
                .map(r -> new ExportedRoom(roomService.title(r), r.dayNumber, r.openedAt))
                .toList();
        return new Export(
                clock.instant(),
                new ExportedParticipant(participant.displayName, participant.email, participant.joinedAt),
                rooms,
                new java.util.ArrayList<>(roomLog.writtenBy(participant.id)),
                "Contributions lists every check-in answer, journal entry and rewrite you wrote; it is empty until you write one.");
    }

    /** Told once a participant has been erased: the live rooms close their connections and forget them. */
    public record ParticipantErased(UUID participantId) {}

    @Inject
    jakarta.enterprise.event.Event<ParticipantErased> erased;

    @Inject
    LogDurability durability;

    /**
     * Erases the participant's name, email and device link, what they wrote in the rooms, and
     * what trainers noted about their attendance; attendance stays as a count.
     */
    @Transactional
    public void erase(ParticipantTokens.Claims claims) {
        Participant participant = live(claims);
        participant.erase(clock.instant());
        roomLog.erase(participant.id);
        RoomAttendance.forgetNotes(participant.id);
        durability.erasedSomething();
        erased.fire(new ParticipantErased(participant.id));
    }

    private Participant live(ParticipantTokens.Claims claims) {
        return Participant.<Participant>findByIdOptional(claims.participantId())
                .filter(p -> !p.isErased())
                .orElseThrow(io.quarkus.security.UnauthorizedException::new);
    }

    private RoomSummary summary(Room room) {
        String organisationName =
                organisations.names(List.of(room.organisationId)).getOrDefault(room.organisationId, "");
        return new RoomSummary(room.code, roomService.title(room), room.dayNumber, organisationName, room.closesAt);
    }

    private ParticipantTokens tokens() {
        return new ParticipantTokens(secrets.get("participant-tokens"));
    }
}
