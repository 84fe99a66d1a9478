package io.mutuality.registration;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.mutuality.identity.IdentityConfig;
import io.quarkus.mailer.Mailer;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** A mail server that is down does not turn a registration into an error. */
class RegistrationMailsTest {

    @Test
    void aFailingMailServerIsLoggedNotThrown() {
        RegistrationMails mails = new RegistrationMails();
        mails.mailer = (Mailer) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Mailer.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("SMTP server unreachable");
                });
        mails.identity = (IdentityConfig) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {IdentityConfig.class},
                (proxy, method, args) -> method.getName().equals("publicUrl") ? "https://mutuality.example" : null);
        assertThatCode(() -> mails.confirmed("ana@example.test", "Ana", "Core", "token"))
                .doesNotThrowAnyException();
        // and the answer says the email did not go, so the page does not say it is on its way
        org.assertj.core.api.Assertions.assertThat(mails.confirmed("ana@example.test", "Ana", "Core", "token"))
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(mails.waitlisted("ana@example.test", "Ana", "Core", 2, "token"))
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(mails.alreadyRegistered("ana@example.test", "Ana", "Core", "token"))
                .isFalse();
        assertThatCode(() -> mails.cancelled("ana@example.test", "Ana", "Core")).doesNotThrowAnyException();
    }

    @Test
    void theAnswerToARegistrationSaysWhenTheEmailDidNotGo() {
        org.assertj.core.api.Assertions.assertThat(RegistrationApi.RegistrationReceived.CHECK_EMAIL.emailSent())
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(RegistrationApi.RegistrationReceived.EMAIL_NOT_SENT.emailSent())
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(RegistrationApi.RegistrationReceived.EMAIL_NOT_SENT.detail())
                .doesNotContain("We have sent")
                .contains("Register again later with the same email address");
    }
}
