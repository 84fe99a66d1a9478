package io.mutuality.identity;

import static io.mutuality.TestData.Persona.ADMIN_A;
import static io.mutuality.TestData.Persona.TRAINER_A;
import static io.mutuality.TestData.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.mutuality.TestData;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InvitationAndMembersTest {

    @Inject
    MockMailbox mailbox;

    @Inject
    IdentityService identity;

    private String invitationsPath() {
        return "/api/organisations/" + TestData.organisationId() + "/invitations";
    }

    private String membersPath() {
        return "/api/organisations/" + TestData.organisationId() + "/members";
    }

    /** Invites someone as admin A and returns the token from the emailed link. */
    private String invite(String email, String role) {
        mailbox.clear();
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", role))
                .post(invitationsPath())
                .then()
                .statusCode(201)
                .body("email", equalTo(email))
                .body("invitedBy", equalTo("Róisín Byrne"));
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).contains("Tideway Peer Collective");
        Matcher link = Pattern.compile("http://localhost:8080/invitation/([A-Za-z0-9_-]+)")
                .matcher(mails.get(0).getText());
        assertThat(link.find()).as("the email holds a one-time link").isTrue();
        return link.group(1);
    }

    @Test
    void anUnreachableMailServerLeavesTheInvitationStandingWithItsLinkForTheAdmin() {
        InvitationMails failing = new InvitationMails();
        failing.mailer = (io.quarkus.mailer.Mailer) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {io.quarkus.mailer.Mailer.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("Connection refused: no SMTP server at localhost:25");
                });
        io.quarkus.test.junit.QuarkusMock.installMockForType(failing, InvitationMails.class);
        String email = "unmailed-" + UUID.randomUUID() + "@example.test";
        String link = as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", "TRAINER"))
                .post(invitationsPath())
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("email", equalTo(email))
                .body("emailSent", equalTo(false))
                .body(not(containsString("SMTP")))
                .body(not(containsString("Exception")))
                .extract()
                .path("link");
        assertThat(link).startsWith("http://localhost:8080/invitation/");
        as(ADMIN_A).get(invitationsPath()).then().statusCode(200).body("email", hasItem(email));
        // the link the admin passes on works like the emailed one
        accept(
                        link.substring(link.lastIndexOf('/') + 1),
                        Map.of("displayName", "Una Mailed", "password", TestData.PASSWORD))
                .then()
                .statusCode(200);
    }

    @Test
    void aSentInvitationSaysSoAndKeepsItsLinkToTheEmail() {
        mailbox.clear();
        String email = "mailed-" + UUID.randomUUID() + "@example.test";
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", "TRAINER"))
                .post(invitationsPath())
                .then()
                .statusCode(201)
                .body("emailSent", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("link")));
        assertThat(mailbox.getMailsSentTo(email)).hasSize(1);
    }

    private static Response accept(String token, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).post("/api/invitations/" + token + "/accept");
    }

    @Test
    void aNewTrainerAcceptsAnInvitationOnceAndIsSignedIn() {
        String email = "new-trainer-" + System.nanoTime() + "@example.test";
        String token = invite(email, "TRAINER");

        given().get("/api/invitations/" + token)
                .then()
                .statusCode(200)
                .body("organisationName", equalTo("Tideway Peer Collective"))
                .body("role", equalTo("TRAINER"))
                .body("accountExists", equalTo(false));
        accept(token, Map.of("password", "long-enough-pw"))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("displayName"));
        Response accepted = accept(token, Map.of("displayName", "Mele Fifita", "password", "long-enough-pw"));
        accepted.then()
                .statusCode(200)
                .body("account.email", equalTo(email))
                .body("memberships[0].role", equalTo("TRAINER"));
        given().cookie("mutuality_session", accepted.getCookie("mutuality_session"))
                .get("/api/session")
                .then()
                .statusCode(200);

        accept(token, Map.of("displayName", "Someone Else", "password", "another-password"))
                .then()
                .statusCode(404);
        given().get("/api/invitations/" + token).then().statusCode(404);
        as(ADMIN_A)
                .get(membersPath())
                .then()
                .statusCode(200)
                .body("find { it.email == '" + email + "' }.role", equalTo("TRAINER"));
        as(ADMIN_A)
                .get("/api/organisations/" + TestData.organisationId() + "/audit")
                .then()
                .statusCode(200)
                .body("action", hasItem("member.invited"))
                .body("action", hasItem("invitation.accepted"));
    }

    @Test
    void someoneWithAnAccountProvesItWithTheirPassword() {
        String email = "freelancer-" + System.nanoTime() + "@example.test";
        identity.openAccount(email, "Kiri Walker", TestData.PASSWORD);
        String token = invite(email, "TRAINER");

        given().get("/api/invitations/" + token).then().body("accountExists", equalTo(true));
        accept(token, Map.of("password", "not-their-password"))
                .then()
                .statusCode(401)
                .body("type", equalTo("https://mutuality.io/problems/sign-in-failed"));
        accept(token, Map.of("password", TestData.PASSWORD))
                .then()
                .statusCode(200)
                .body("account.displayName", equalTo("Kiri Walker"));
    }

    @Test
    void anExpiredInvitationSaysSo() {
        String email = "late-" + System.nanoTime() + "@example.test";
        String token = invite(email, "TRAINER");
        QuarkusTransaction.requiringNew()
                .run(() -> Invitation.findOpen(token).orElseThrow().expiresAt =
                        Instant.now().minusSeconds(60));

        given().get("/api/invitations/" + token)
                .then()
                .statusCode(410)
                .body("type", equalTo("https://mutuality.io/problems/invitation-expired"));
        accept(token, Map.of("displayName", "Late Person", "password", "long-enough-pw"))
                .then()
                .statusCode(410);
        assertThat(identity.findByEmail(email)).isEmpty();
    }

    @Test
    void anUnknownLinkIsNotFound() {
        given().get("/api/invitations/not-a-real-token").then().statusCode(404);
        accept("not-a-real-token", Map.of("displayName", "X", "password", "long-enough-pw"))
                .then()
                .statusCode(404);
    }

    @Test
    void inviteTwiceOrAMemberIsAConflictAndInvitationsCanBeWithdrawn() {
        String email = "twice-" + System.nanoTime() + "@example.test";
        invite(email, "ORG_ADMIN");
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", email, "role", "TRAINER"))
                .post(invitationsPath())
                .then()
                .statusCode(409);
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", TestData.email(TRAINER_A), "role", "TRAINER"))
                .post(invitationsPath())
                .then()
                .statusCode(409)
                .body("detail", containsString("already a member"));

        String id = as(ADMIN_A)
                .get(invitationsPath())
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.email == '" + email + "' }.id");
        as(ADMIN_A).delete(invitationsPath() + "/" + id).then().statusCode(204);
        as(ADMIN_A).get(invitationsPath()).then().body("email", not(hasItem(email)));
    }

    @Test
    void badInvitationsAreListedByField() {
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "nope", "role", "CAPTAIN"))
                .post(invitationsPath())
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("role"));
    }

    @Test
    void aTrainerCannotManageMembers() {
        as(TRAINER_A)
                .get(membersPath())
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mutuality.io/problems/forbidden"));
        as(TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("email", "x@example.test", "role", "ORG_ADMIN"))
                .post(invitationsPath())
                .then()
                .statusCode(403);
    }

    @Test
    void rolesChangeButTheOrganisationKeepsAnAdmin() {
        String email = "member-" + System.nanoTime() + "@example.test";
        Account account = identity.openAccount(email, "Ari Member", TestData.PASSWORD);
        identity.grant(account.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        String member = membersPath() + "/" + account.id();

        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("role", "ORG_ADMIN"))
                .put(member)
                .then()
                .statusCode(200)
                .body("role", equalTo("ORG_ADMIN"));
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("role", "TRAINER"))
                .put(member)
                .then()
                .statusCode(200)
                .body("role", equalTo("TRAINER"));
        as(ADMIN_A).delete(member).then().statusCode(204);
        as(ADMIN_A).get(membersPath()).then().body("email", not(hasItem(email)));
        as(ADMIN_A).delete(member).then().statusCode(404);

        String demoAdmin =
                as(ADMIN_A).get(membersPath()).then().extract().path("find { it.role == 'ORG_ADMIN' }.accountId");
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("role", "TRAINER"))
                .put(membersPath() + "/" + demoAdmin)
                .then()
                .statusCode(409)
                .body("detail", containsString("at least one admin"));
        as(ADMIN_A).delete(membersPath() + "/" + demoAdmin).then().statusCode(409);
        as(ADMIN_A)
                .get("/api/organisations/" + TestData.organisationId() + "/audit")
                .then()
                .body("action", hasItem("member.role-changed"))
                .body("action", hasItem("member.removed"));
    }
}
