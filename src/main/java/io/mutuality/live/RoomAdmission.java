package io.mutuality.live;

import io.mutuality.identity.Caller;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.ParticipantTokens;
import io.mutuality.identity.PlatformSecrets;
import io.mutuality.live.engine.Actor;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may come into a room: the room a code names, and who a connection's hello says it is, a
 * participant by the token they got when they joined, or a signed-in trainer who facilitates the
 * day (any member of the organisation, for a practice room).
 */
@ApplicationScoped
public class RoomAdmission {

    @Inject
    PlatformSecrets secrets;

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService accounts;

    @Inject
    RoomService roomService;

    @Inject
    Clock clock;

    /** The room a code names, if there is one. */
    Optional<Room> room(String code) {
        return RoomCode.parse(code)
                .flatMap(c -> QuarkusTransaction.requiringNew()
                        .call(() -> Room.<Room>find("code", c.value()).firstResultOptional()));
    }

    /** The room's title as the welcome shows it. */
    String title(Room room) {
        return QuarkusTransaction.requiringNew().call(() -> roomService.title(room));
    }

    /** A projector's view token, and until when it holds. */
    record Issued(String token, Instant expiresAt) {}

    /** View tokens are signed with a key of their own: a participant's token never opens a view, nor the other way round. */
    private ParticipantTokens viewTokens() {
        return new ParticipantTokens(secrets.get("room-view-tokens"));
    }

    /**
     * A token for the projector's view of a room, for a facilitator who has been checked: it holds until the room
     * closes (at most a day). The view is one per facilitator and room, so the limit on windows applies to it.
     */
    Issued viewToken(Room room, Caller caller) {
        Instant now = clock.instant();
        Instant until =
                room.closesAt.isAfter(now.plus(Duration.ofDays(1))) ? now.plus(Duration.ofDays(1)) : room.closesAt;
        UUID viewer = UUID.nameUUIDFromBytes(("room-view/" + room.id + "/"
                        + caller.account().map(a -> a.value().toString()).orElse("staff"))
                .getBytes(StandardCharsets.UTF_8));
        return new Issued(
                viewTokens()
                        .issue(new ParticipantTokens.Claims(
                                viewer, room.id, room.cohortId, room.organisationId, until)),
                until);
    }

    /** Who the connection is in this room, or nobody it may be. */
    Optional<Actor> actor(Room room, SecurityIdentity identity, String token) {
        if (token != null && !token.isBlank()) {
            Optional<Actor> viewer = viewTokens()
                    .verify(token, clock.instant())
                    .filter(claims -> claims.roomId().equals(room.id))
                    .map(claims -> Actor.viewer(claims.participantId()));
            if (viewer.isPresent()) {
                return viewer;
            }
            return new ParticipantTokens(secrets.get("participant-tokens"))
                    .verify(token, clock.instant())
                    .filter(claims -> claims.roomId().equals(room.id))
                    .flatMap(claims -> QuarkusTransaction.requiringNew()
                            .call(() -> Participant.<Participant>findByIdOptional(claims.participantId())
                                    .filter(p -> !p.isErased())
                                    .map(p -> new Actor(p.id, p.displayName, false))));
        }
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Caller caller = Caller.of(identity);
        return caller.account().flatMap(account -> {
            boolean facilitates = room.isPractice()
                    ? caller.canSee(room.organisationId)
                    : QuarkusTransaction.requiringNew()
                            .call(() -> scheduling
                                    .day(
                                            new OrganisationId(room.organisationId),
                                            new CohortId(room.cohortId),
                                            room.dayNumber)
                                    .map(day -> RoomService.facilitates(caller, day))
                                    .orElse(false));
            if (!facilitates) {
                return Optional.empty();
            }
            String name = QuarkusTransaction.requiringNew()
                    .call(() -> accounts.find(account).map(a -> a.displayName()).orElse("Facilitator"));
            return Optional.of(new Actor(account.value(), name, true));
        });
    }
}
