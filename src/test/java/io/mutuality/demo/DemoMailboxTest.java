package io.mutuality.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** In a demo with no mail server, the mailer keeps emails in its mock mailbox; otherwise it is left alone. */
class DemoMailboxTest {

    @Test
    void aDemoWithoutAMailServerUsesTheMockMailbox() {
        DemoMailbox source = new DemoMailbox(Map.of(), new Properties());
        assertThat(source.getValue("quarkus.mailer.mock")).isEqualTo("true");
        assertThat(source.getOrdinal())
                .as("below application.properties, the environment and system properties")
                .isLessThan(250);
    }

    @Test
    void aConfiguredServerOrDemoDataOffLeavesTheMailerAlone() {
        assertThat(new DemoMailbox(Map.of("QUARKUS_MAILER_HOST", "smtp.example.org"), new Properties())
                        .getPropertyNames())
                .isEmpty();
        assertThat(new DemoMailbox(Map.of("MUTUALITY_DEMO_ENABLED", "false"), new Properties()).getPropertyNames())
                .isEmpty();
        Properties system = new Properties();
        system.setProperty("quarkus.mailer.host", "localhost");
        assertThat(new DemoMailbox(Map.of(), system).getPropertyNames()).isEmpty();
        Properties off = new Properties();
        off.setProperty("mutuality.demo.enabled", "false");
        assertThat(new DemoMailbox(Map.of("MUTUALITY_DEMO_ENABLED", "true"), off).getPropertyNames())
                .isEmpty();
    }
}
