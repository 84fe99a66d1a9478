package io.mutuality.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the identity API reads and writes, as JSON. Passwords only ever come in. */
public final class IdentityApi {

    private IdentityApi() {}

    public record SignInRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String password) {}

    public record PasswordChange(
            @NotBlank @Size(max = 200) String currentPassword,

            @NotBlank @Size(min = Account.MIN_PASSWORD_LENGTH, max = 200)
            String newPassword) {}

    public record AccountView(UUID id, String email, String displayName, boolean platformAdmin) {}

    public record MembershipView(UUID organisationId, String organisationName, Role role) {}

    public record SessionView(AccountView account, List<MembershipView> memberships, String csrfToken) {}

    public record MemberView(UUID accountId, String displayName, String email, Role role, Instant since) {}

    public record RoleChange(@NotNull Role role) {}

    public record InviteRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull Role role) {}

    public record InvitationView(UUID id, String email, Role role, String invitedBy, Instant expiresAt) {}

    /**
     * A new invitation. {@code emailSent} false means the mail server could not be reached: the
     * invitation stands, and {@code link} is its one-time link for the admin to pass on another
     * way (it is only ever shown here, once).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record InvitationSent(
            UUID id, String email, Role role, String invitedBy, Instant expiresAt, boolean emailSent, String link) {}

    public record InvitationPreview(
            String organisationName, String email, Role role, Instant expiresAt, boolean accountExists) {}

    public record AcceptInvitation(
            @Size(min = 1, max = 120) @io.mutuality.common.HumanText
            String displayName,

            @NotBlank @Size(max = 200) String password) {}

    public record AuditView(Instant at, String actorName, String action, String target, String detail) {}
}
