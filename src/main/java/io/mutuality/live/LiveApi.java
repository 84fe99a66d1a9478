package io.mutuality.live;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the room and participant API reads and writes, as JSON. */
public final class LiveApi {

    private LiveApi() {}

    public record RoomView(
            String code, UUID cohortId, String cohortTitle, Integer dayNumber, Instant closesAt, String joinPath) {}

    /**
     * Where a training day's room stands: {@code live} (open, and {@code here} participants in it
     * now), or {@code ended} (the day was ended, or its time is over). A day whose room was never
     * opened is not listed.
     */
    public record DayRoomStatus(UUID cohortId, int dayNumber, String code, String status, int here, Instant closesAt) {}

    public record RoomSummary(
            String code, String cohortTitle, Integer dayNumber, String organisationName, Instant closesAt) {}

    /** A display name is what others in the room see: any words, no control characters. */
    public record PracticeRoomRequest(
            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String title) {}

    public record JoinRequest(
            @NotBlank @Size(max = 40) @io.mutuality.common.HumanText
            String displayName,

            @Email @Size(max = 320) String email,
            @Size(max = 100) String deviceToken) {}

    public record ParticipantView(UUID id, String displayName) {}

    public record JoinView(
            ParticipantView participant,
            String token,
            Instant expiresAt,
            String deviceToken,
            boolean recognised,
            RoomSummary room) {}

    public record Export(
            Instant exportedAt,
            ExportedParticipant participant,
            List<ExportedRoom> rooms,
            List<java.util.Map<String, Object>> contributions,
            String note) {}

    public record ExportedParticipant(String displayName, String email, Instant firstJoined) {}

    public record ExportedRoom(String cohortTitle, Integer dayNumber, Instant joinedAt) {}
}
