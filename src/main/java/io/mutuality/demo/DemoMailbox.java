package io.mutuality.demo;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Emails in a demo: when demo data is on and no mail server is configured, the mailer keeps
 * emails in its mock mailbox and writes them to the log instead of trying a server that is not
 * there (every invitation and registration would otherwise report a failed send). A configured
 * server ({@code QUARKUS_MAILER_HOST}) or demo data turned off ({@code MUTUALITY_DEMO_ENABLED=false})
 * leaves the mailer as configured; an explicit {@code QUARKUS_MAILER_MOCK} always wins, since this
 * source sits below every other.
 */
public class DemoMailbox implements ConfigSource {

    static final String MOCK = "quarkus.mailer.mock";

    private final Map<String, String> properties;

    public DemoMailbox() {
        this(System.getenv(), System.getProperties());
    }

    DemoMailbox(Map<String, String> env, java.util.Properties system) {
        properties = inDemoWithoutServer(env, system)
                ? Map.of(MOCK, "true", "mutuality.mail.demo-mailbox", "true")
                : Map.of();
    }

    /** Demo data on (its default) and no mail server named anywhere. */
    static boolean inDemoWithoutServer(Map<String, String> env, java.util.Properties system) {
        String demo = system.getProperty("mutuality.demo.enabled", env.getOrDefault("MUTUALITY_DEMO_ENABLED", "true"));
        boolean server = system.getProperty("quarkus.mailer.host") != null || env.get("QUARKUS_MAILER_HOST") != null;
        return !"false".equalsIgnoreCase(demo.strip()) && !server;
    }

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "demo-mailbox";
    }

    /** Below application.properties (250), environment (300) and system properties (400). */
    @Override
    public int getOrdinal() {
        return 50;
    }
}
