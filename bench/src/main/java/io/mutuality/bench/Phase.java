package io.mutuality.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What one stretch of load measured. Latencies are in microseconds from the moment each command
 * was due (not when it was sent), so a server that falls behind cannot hide its queue.
 */
final class Phase {

    final String name;
    /** The target rate in commands per second (0 for the day's parts). */
    final double rate;

    final double seconds;
    final ConcurrentHistogram ack = new ConcurrentHistogram(3);
    final ConcurrentHistogram fanout = new ConcurrentHistogram(3);
    final LongAdder scheduled = new LongAdder();
    final LongAdder sent = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder rejected = new LongAdder();
    /** Deliveries owed: for each acknowledged command, the connections that may see what it caused. */
    final LongAdder expected = new LongAdder();

    final LongAdder received = new LongAdder();
    /** Events or acks that came after the phase was closed (not in the histograms). */
    final LongAdder late = new LongAdder();

    final LongAdder closedConnections = new LongAdder();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    final Map<String, LongAdder> closeReasons = new ConcurrentHashMap<>();
    volatile boolean closed;
    /** Commands still waiting to be sent, or unacknowledged, when the phase was closed. */
    long unsent;

    long unacked;
    double drainSeconds;
    /** Cores used over the phase, its drain and the quiet after it. */
    double serverCpu = Double.NaN;

    double clientCpu = Double.NaN;

    Phase(String name, double rate, double seconds) {
        this.name = name;
        this.rate = rate;
        this.seconds = seconds;
    }

    void error(String code) {
        errors.computeIfAbsent(code, k -> new LongAdder()).increment();
    }

    void closedConnection(String reason) {
        closedConnections.increment();
        closeReasons.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    /**
     * Delivered share: events received over events owed, where a command never acknowledged (or
     * refused, which here only happens when it came too late for what it was about) owes as much as
     * an average one and delivered nothing.
     */
    double deliveredShare() {
        long sched = scheduled.sum();
        long ok = acked.sum();
        long owed = expected.sum();
        if (sched == 0) {
            return 1;
        }
        double perCommand = ok == 0 ? 1 : (double) owed / ok;
        double total = owed + (sched - ok) * perCommand;
        return total <= 0 ? 1 : Math.min(received.sum(), (long) Math.ceil(total)) / total;
    }

    boolean complete() {
        return acked.sum() + rejected.sum() >= scheduled.sum() && received.sum() >= expected.sum();
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    String errorsText() {
        if (errors.isEmpty() && closeReasons.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        new TreeMap<>(errors)
                .forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ")
                        .append(v.sum())
                        .append(" ")
                        .append(k));
        new TreeMap<>(closeReasons)
                .forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ")
                        .append(v.sum())
                        .append(" closed (")
                        .append(k)
                        .append(")"));
        return text.toString();
    }

    String line() {
        return String.format(
                "%-22s sched %7d sent %7d acked %7d rej %5d | delivered %7.3f%% (%d/%d) late %d | "
                        + "fan-out p50 %7.1f p99 %8.1f max %8.1f ms | ack p50 %7.1f p99 %8.1f max %8.1f ms%s",
                name,
                scheduled.sum(),
                sent.sum(),
                acked.sum(),
                rejected.sum(),
                100 * deliveredShare(),
                received.sum(),
                expected.sum(),
                late.sum(),
                ms(fanout, 50),
                ms(fanout, 99),
                maxMs(fanout),
                ms(ack, 50),
                ms(ack, 99),
                maxMs(ack),
                errorsText().isEmpty() ? "" : " | " + errorsText());
    }
}
