package io.mutuality.live;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Makes "acknowledged means stored" a property of the application rather than of a JDBC URL.
 *
 * <ul>
 * <li>H2 file databases keep committed changes in memory for up to half a second by default
 * ({@code WRITE_DELAY}); a killed process loses them. On start this sets the database's write
 * delay to 0, which H2 keeps in the file, so every commit is written to the file before it
 * returns, and refuses to start if the setting does not hold.</li>
 * <li>PostgreSQL: {@link RoomLog} asks for {@code synchronous_commit = on} in each transaction that
 * appends to a room's log, whatever the server's default, so the commit waits for the WAL flush.
 * A server running with {@code fsync = off} cannot keep that promise; that is logged at start.</li>
 * </ul>
 *
 * docs/decisions/0004-durable-before-acknowledged.md says what each setting means.
 */
@ApplicationScoped
public class LogDurability {

    private static final Logger LOG = Logger.getLogger(LogDurability.class);

    @Inject
    AgroalDataSource dataSource;

    private volatile Kind kind = Kind.OTHER;

    /** The databases Mutuality knows how to make durable. */
    public enum Kind {
        H2_FILE,
        H2_MEMORY,
        POSTGRESQL,
        OTHER
    }

    void onStart(@Observes @Priority(1) StartupEvent event) {
        try (Connection connection = dataSource.getConnection()) {
            kind = kindOf(connection);
            switch (kind) {
                case H2_FILE -> makeH2Durable(connection);
                case POSTGRESQL -> checkPostgres(connection);
                default -> {}
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check that the room log is durable: " + e.getMessage(), e);
        }
    }

    public Kind kind() {
        return kind;
    }

    private volatile boolean erasedSinceStart;

    /**
     * Something was erased or purged: H2 keeps old versions of rewritten pages in its file until
     * it is compacted, so the file is compacted when the application stops (see {@link #onStop}).
     */
    public void erasedSomething() {
        erasedSinceStart = true;
    }

    /**
     * On a clean stop after an erasure, H2's file is compacted ({@code SHUTDOWN COMPACT}), which
     * rewrites it without the old versions of erased rows. PostgreSQL frees them by vacuum, which is
     * the operator's (autovacuum does it by default).
     */
    void onStop(@Observes @Priority(1) io.quarkus.runtime.ShutdownEvent event) {
        if (kind != Kind.H2_FILE || !erasedSinceStart) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT");
            LOG.info("The database file was compacted: nothing erased is left in it.");
        } catch (SQLException e) {
            LOG.warnf("The database file could not be compacted on stop: %s", e.getMessage());
        }
    }

    static Kind kindOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        String url = connection.getMetaData().getURL().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("h2")) {
            return url.startsWith("jdbc:h2:mem:") ? Kind.H2_MEMORY : Kind.H2_FILE;
        }
        if (product.contains("postgres")) {
            return Kind.POSTGRESQL;
        }
        return Kind.OTHER;
    }

    private static void makeH2Durable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET WRITE_DELAY 0");
            int delay = -1;
            try (ResultSet rs = statement.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                if (rs.next()) {
                    delay = Integer.parseInt(rs.getString(1).trim());
                }
            }
            if (delay != 0) {
                throw new IllegalStateException("The H2 database keeps a write delay of " + delay
                        + " ms, so an acknowledged answer could be lost if the process is killed. Mutuality does not start "
                        + "that way; check that its database user may run SET WRITE_DELAY.");
            }
            LOG.debug("H2: every commit is written to the file before it returns (WRITE_DELAY 0)");
        }
    }

    private static void checkPostgres(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SHOW fsync")) {
            if (rs.next() && "off".equalsIgnoreCase(rs.getString(1))) {
                LOG.warn("PostgreSQL runs with fsync = off: a crash of the database server can lose answers that rooms "
                        + "have already acknowledged. Turn fsync on anywhere real.");
            }
        }
    }
}
