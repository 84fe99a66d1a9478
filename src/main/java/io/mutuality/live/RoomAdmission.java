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
import java.time.Clock;
import java.util.Optional;

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
                .flatMap(c -> QuarkusTransaction.requiringNew().call(() -> Room.<Room>find("code", c.value()).firstResultOptional()));
    }

    /** The room's title as the welcome shows it. */
    String title(Room room) {
        return QuarkusTransaction.requiringNew().call(() -> roomService.title(room));
    }

    /** Who the connection is in this room, or nobody it may be. */
    Optional<Actor> actor(Room room, SecurityIdentity identity, String token) {
        if (token != null && !token.isBlank()) {
            return new ParticipantTokens(secrets.get("participant-tokens")).verify(token, clock.instant())
                    .filter(claims -> claims.roomId().equals(room.id))
                    .flatMap(claims -> QuarkusTransaction.requiringNew().call(() ->
                            Participant.<Participant>findByIdOptional(claims.participantId())
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
                    : QuarkusTransaction.requiringNew().call(() -> scheduling.day(new OrganisationId(room.organisationId),
                            new CohortId(room.cohortId), room.dayNumber)
                            .map(day -> RoomService.facilitates(caller, day)).orElse(false));
            if (!facilitates) {
                return Optional.empty();
            }
            String name = QuarkusTransaction.requiringNew().call(() ->
                    accounts.find(account).map(a -> a.displayName()).orElse("Facilitator"));
            return Optional.of(new Actor(account.value(), name, true));
        });
    }
}
