package io.mutuality.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects every ERROR (or worse) log record the application writes while installed: a
 * java.util.logging handler on the root logger, which under Quarkus is the JBoss LogManager's
 * root, so it sees what org.jboss.logging, JUL and Vert.x log, from any thread.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<LogRecord> errors = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");

    static LogCapture install() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.ALL);
        capture.root.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record != null && record.getLevel().intValue() >= Level.SEVERE.intValue()) {
            errors.add(record);
        }
    }

    List<LogRecord> errors() {
        return List.copyOf(errors);
    }

    /** The errors, one line each: logger, message, and the thrown exception if any. */
    List<String> describe() {
        return errors.stream()
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()
                        + (r.getThrown() == null ? "" : " / " + r.getThrown()))
                .toList();
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
