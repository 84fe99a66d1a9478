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
        mails.mailer = (Mailer) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Mailer.class},
                (proxy, method, args) -> {
                    throw new IllegalStateException("SMTP server unreachable");
                });
        mails.identity = (IdentityConfig) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {IdentityConfig.class},
                (proxy, method, args) -> method.getName().equals("publicUrl") ? "https://mutuality.example" : null);
        assertThatCode(() -> mails.confirmed("ana@example.test", "Ana", "Core", "token")).doesNotThrowAnyException();
        assertThatCode(() -> mails.cancelled("ana@example.test", "Ana", "Core")).doesNotThrowAnyException();
    }
}
