package io.mutuality.bench;

import io.mutuality.bench.Bench.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the results as a section of docs/performance.md, between the bench markers. */
final class Report {

    static final String START = "<!-- bench:start -->";
    static final String END = "<!-- bench:end -->";

    private Report() {}

    static void write(Path file, Result baseline, Result app, double minutes) throws Exception {
        String section = section(baseline, app, minutes);
        String text = Files.exists(file)
                ? Files.readString(file, StandardCharsets.UTF_8)
                : "# Performance and resource use\n";
        int from = text.indexOf(START);
        int to = text.indexOf(END);
        if (from >= 0 && to > from) {
            text = text.substring(0, from) + section + text.substring(to + END.length());
        } else {
            text = text.stripTrailing() + "\n\n" + section + "\n";
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.UK, format, args);
    }

    static String ms(double value) {
        if (Double.isNaN(value)) {
            return "–";
        }
        return value < 10 ? f("%.1f", value) : f("%,.0f", value);
    }

    static String pct(Phase p) {
        double share = 100 * p.deliveredShare();
        return share >= 99.995 && p.received.sum() >= p.expected.sum() && p.unacked + p.unsent + p.rejected.sum() == 0
                ? "100%"
                : f("%.2f%%", share);
    }

    static String ratio(double a, double b) {
        if (Double.isNaN(a) || Double.isNaN(b) || b <= 0) {
            return "–";
        }
        double r = a / b;
        return r < 10 ? f("%.1f×", r) : f("%,.0f×", r);
    }

    static String mb(long kb) {
        return kb < 0 ? "–" : f("%,d MB", Math.round(kb / 1024.0));
    }

    static String section(Result base, Result app, double minutes) throws IOException {
        StringBuilder s = new StringBuilder();
        s.append(START).append('\n');
        s.append("## Throughput: the live room against a bare broadcast server\n\n");
        s.append(
                "Written by `bench/run` (issue 12); run it again to replace this section. Not part of `./mvnw test`.\n\n");
        s.append(f(
                "- **Command:** `%s` (%s; the whole run took %.0f minutes)%n",
                Bench.commandLine,
                Bench.quick ? "quick mode: short phases, a smoke check, not numbers to judge by" : "full run",
                minutes));
        s.append(f("- **When and what:** %s, commit %s%n", Bench.today(), Bench.commit));
        s.append(f("- **Machine:** %s%n", Machine.describe()));
        s.append(f(
                "- **Pinned:** %s%n",
                Bench.pin
                        ? "yes: the server on CPU 0, the client on CPU 1 (`taskset`)"
                        : "no: server and client share the cores"));
        s.append(f(
                "- **Application JVM options:** %s%s%n",
                app.jvm.isEmpty() ? "–" : app.jvm,
                Bench.pin && app.jvm.contains("UseSerialGC")
                        ? " (pinned to one CPU, the JVM sees one processor and "
                                + "chooses the serial collector, as it would in a one-CPU container)"
                        : ""));
        s.append(f("- **Baseline JVM options:** %s%n", base.jvm.isEmpty() ? "–" : base.jvm));
        s.append(f(
                "- **Other work on the machine meanwhile:** %s cores on average beside the baseline's run, %s beside the "
                        + "application's (other processes; at least this much)%n%n",
                cores(base.otherCores), cores(app.otherCores)));

        s.append(
                "How it works: 100 practice rooms of 30 participants and a facilitator each (3,100 WebSocket connections). ");
        s.append(
                "The baseline is a bare Vert.x server with the same wire shape (hello, ack, one event to everyone in the room) ");
        s.append(
                "and no storage. The client is open-loop: every command has a due time fixed in advance, and every latency ");
        s.append(
                "counts from that due time, so a server that falls behind shows its queue. Fan-out latency is one sample per ");
        s.append(
                "connection that receives an event; ack latency is the sender's. Delivered is events received over events ");
        s.append(
                "owed (commands scheduled × the connections that may see what they cause); commands never acknowledged count ");
        s.append(
                "as owed and undelivered. Each phase is followed by a bounded drain; anything later is not counted.\n\n");

        s.append("### The sweep\n\n");
        s.append(
                "Each participant shares their rewrite on a reframing board by name, then takes it back, in turn: every command ");
        s.append(
                "causes one event that all 31 connections in the room receive. Rates are commands per second across all rooms.\n\n");
        s.append("| rate | for | baseline: delivered | fan-out p50 / p99 / max (ms) | ack p50 / p99 (ms) "
                + "| application: delivered | fan-out p50 / p99 / max (ms) | ack p50 / p99 (ms) | fan-out p50 ratio | p99 ratio "
                + "| CPU, server · client (cores): baseline / application |\n");
        s.append("|---:|---:|---:|---|---|---:|---|---|---:|---:|---|\n");
        for (double rate : Bench.RATES) {
            Phase b = base.sweep(rate);
            Phase a = app.sweep(rate);
            Phase any = a != null ? a : b;
            if (any == null) {
                continue;
            }
            s.append(f(
                    "| %,.0f/s | %.0f s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s |%n",
                    rate,
                    any.seconds,
                    b == null ? "–" : pct(b),
                    b == null ? "–" : fan(b),
                    b == null ? "–" : ack(b),
                    a == null ? "–" : pct(a),
                    a == null ? "–" : fan(a),
                    a == null ? "–" : ack(a),
                    a == null || b == null ? "–" : ratio(Phase.ms(a.fanout, 50), Phase.ms(b.fanout, 50)),
                    a == null || b == null ? "–" : ratio(Phase.ms(a.fanout, 99), Phase.ms(b.fanout, 99)),
                    cpu(b),
                    cpu(a)));
        }
        s.append('\n');
        s.append(
                "The CPU column is cores used from the start of a phase to the end of its drain: one core is all a pinned ");
        s.append(
                "process has, and a client near it would be a limit of its own. The baseline's tail (p99, max) moves from run ");
        s.append(
                "to run by tens of milliseconds on a shared virtual machine, so the ratios of the tails are rough.\n\n");
        List<String> notes = new ArrayList<>();
        for (Result r : List.of(base, app)) {
            for (Phase p : r.sweep) {
                String what = problems(p);
                if (!what.isEmpty()) {
                    notes.add(f("%s at %,.0f/s: %s", r.name, p.rate, what));
                }
            }
        }
        if (!notes.isEmpty()) {
            s.append("Not everything arrived in time:\n\n");
            notes.forEach(n -> s.append("- ").append(n).append('\n'));
            s.append('\n');
        }

        s.append("### A realistic day at ten times a normal load\n\n");
        s.append(
                "A normal load is one node serving ten trainings at once (10 rooms of 30); this is 100 rooms of 30, whose ");
        s.append(
                "parts start within three seconds of each other: a check-in where everyone answers within 5 s; a role-play ");
        s.append(
                "round in ten groups of three, where observers write notes and the person sharing asks for help and stops; ");
        s.append(
                "a reframing board where everyone writes within 10 s, the facilitator reveals, and everyone shares within 5 s. ");
        s.append(
                "Lateness is each event's arrival after the due time of the command that caused it (target: none later than ");
        s.append("250 ms).\n\n");
        s.append("| part | commands | application: delivered | lateness p50 / p99 / max (ms) | ack p99 / max (ms) "
                + "| baseline: delivered | lateness p50 / p99 / max (ms) |\n");
        s.append("|---|---:|---:|---|---|---:|---|\n");
        for (int i = 0; i < Math.max(app.day.size(), base.day.size()); i++) {
            Phase a = i < app.day.size() ? app.day.get(i) : null;
            Phase b = i < base.day.size() ? base.day.get(i) : null;
            Phase any = a != null ? a : b;
            s.append(f(
                    "| %s | %,d | %s | %s | %s | %s | %s |%n",
                    any.name.replace("day: ", ""),
                    any.scheduled.sum(),
                    a == null ? "–" : pct(a),
                    a == null ? "–" : fan(a),
                    a == null ? "–" : ms(Phase.ms(a.ack, 99)) + " / " + ms(Phase.maxMs(a.ack)),
                    b == null ? "–" : pct(b),
                    b == null ? "–" : fan(b)));
        }
        if (base.day.isEmpty()) {
            s.append("\nThe baseline's day is left out in quick mode.\n");
        }
        s.append(
                "\nThe day runs first, right after the connections said hello, so its check-in meets a server that has done "
                        + "little else since it started, as at nine in the morning.");
        if (app.day.stream().anyMatch(p -> p.rejected.sum() > 0)
                || base.day.stream().anyMatch(p -> p.rejected.sum() > 0)) {
            s.append(" A command refused with not-found came after the facilitator had already closed what it answered "
                    + "(the check-in, the round, the board): the facilitator's commands keep their own times, so a server that "
                    + "falls behind turns late answers into refused ones. Refused commands count as undelivered.");
        }
        s.append('\n');
        for (Result r : List.of(app, base)) {
            for (Phase p : r.day) {
                String what = problems(p);
                if (!what.isEmpty() && p.name.equals("day: all")) {
                    s.append(f("%n%s: %s%n", r.name, what));
                }
            }
        }
        s.append('\n');

        s.append("### Start-up and memory\n\n");
        s.append(
                "Ready is from starting the process to the first 200 from `/q/health/ready` (polled every 20 ms). Resident ");
        s.append(
                "memory (VmRSS) idle is read 5 s after ready. Per connection: 3,000 participants across the 100 rooms say ");
        s.append(
                "hello and then stay idle (still reading); a full collection (`jcmd GC.run`) comes before each reading.");
        if (app.ran) {
            s.append(
                    app.jvm.contains("SharedArchiveFile")
                            ? " The application starts the documented way, with the class-data sharing archive its build wrote (`-XX:SharedArchiveFile`, README)."
                            : " The application starts without a class-data sharing archive (none beside the jar, or `--no-archive`).");
        }
        s.append("\n\n| | baseline | application |\n|---|---:|---:|\n");
        String pinnedNote = Bench.pin ? " (pinned to one core)" : "";
        if (!Double.isNaN(app.startFreshMachine)) {
            s.append(f(
                    "| ready on the whole machine (not pinned), fresh database | – | %s |%n",
                    sec(app.startFreshMachine)));
            s.append(f(
                    "| ready on the whole machine (not pinned), database in place | – | %s |%n",
                    sec(app.startRestartMachine)));
        }
        s.append(f("| ready%s, fresh database | – | %s |%n", pinnedNote, sec(app.startFresh)));
        s.append(f(
                "| ready%s, database in place | %s | %s |%n",
                pinnedNote, sec(base.startRestart), sec(app.startRestart)));
        s.append(f("| resident memory, idle | %s | %s |%n", mb(base.idleRssKb), mb(app.idleRssKb)));
        s.append(f(
                "| resident memory before → after 3,000 idle participants | %s → %s | %s → %s |%n",
                mb(base.rssBeforeKb), mb(base.rssAfterKb), mb(app.rssBeforeKb), mb(app.rssAfterKb)));
        s.append(f("| resident memory per idle participant | %s | %s |%n", perConnection(base), perConnection(app)));
        s.append(f(
                "| heap in use before → after | %s → %s | %s → %s |%n",
                mb(base.heapBeforeKb), mb(base.heapAfterKb), mb(app.heapBeforeKb), mb(app.heapAfterKb)));
        s.append(f("| heap per idle participant | %s | %s |%n", heapPerConnection(base), heapPerConnection(app)));
        s.append(f("| peak resident memory over the run | %s | %s |%n", mb(base.peakRssKb), mb(app.peakRssKb)));
        s.append(f(
                "| CPU time from the day to the end of the sweep | %s | %s |%n%n",
                cpu(base.cpuSeconds), cpu(app.cpuSeconds)));

        s.append("### Against the targets\n\n");
        s.append(targets(app, base));
        List<String> problems = new ArrayList<>();
        base.problems.forEach(p -> problems.add("baseline: " + p));
        app.problems.forEach(p -> problems.add("application: " + p));
        if (!problems.isEmpty()) {
            s.append("\nProblems during the run:\n\n");
            problems.forEach(p -> s.append("- ").append(p.replace("|", "\\|")).append('\n'));
        }
        s.append(END);
        return s.toString();
    }

    static String fan(Phase p) {
        return ms(Phase.ms(p.fanout, 50)) + " / " + ms(Phase.ms(p.fanout, 99)) + " / " + ms(Phase.maxMs(p.fanout));
    }

    static String ack(Phase p) {
        return ms(Phase.ms(p.ack, 50)) + " / " + ms(Phase.ms(p.ack, 99));
    }

    static String cpu(Phase p) {
        return p == null || Double.isNaN(p.serverCpu) ? "–" : f("%.2f · %.2f", p.serverCpu, p.clientCpu);
    }

    static String cores(double c) {
        return Double.isNaN(c) ? "–" : f("%.2f", c);
    }

    static String sec(double s) {
        return Double.isNaN(s) ? "–" : f("%.2f s", s);
    }

    static String cpu(double s) {
        return Double.isNaN(s) ? "–" : f("%,.0f s", s);
    }

    static String perConnection(Result r) {
        return r.idleConnections == 0 || r.rssBeforeKb < 0
                ? "–"
                : f("%.1f KB", (r.rssAfterKb - r.rssBeforeKb) / (double) r.idleConnections);
    }

    static String heapPerConnection(Result r) {
        return r.idleConnections == 0 || r.heapBeforeKb < 0
                ? "–"
                : f("%.1f KB", (r.heapAfterKb - r.heapBeforeKb) / (double) r.idleConnections);
    }

    /** What went wrong in a phase, in words, or "". */
    static String problems(Phase p) {
        List<String> what = new ArrayList<>();
        if (p.unsent > 0) {
            what.add(f(
                    "%,d commands not sent before the phase closed (their connection was waiting or closed)",
                    p.unsent));
        }
        if (p.unacked > 0) {
            what.add(f("%,d commands not acknowledged within the drain (%.0f s)", p.unacked, p.drainSeconds));
        }
        if (p.late.sum() > 0) {
            what.add(f("%,d events or acks arrived after the drain", p.late.sum()));
        }
        if (!p.errorsText().isEmpty()) {
            what.add("refused or closed: " + p.errorsText());
        }
        return String.join("; ", what).replace("|", "\\|");
    }

    static String targets(Result app, Result base) {
        StringBuilder s = new StringBuilder();
        Phase p300 = app.sweep(300);
        if (p300 != null) {
            boolean ok = Phase.ms(p300.fanout, 99) <= 50
                    && Phase.ms(p300.ack, 99) <= 25
                    && pct(p300).equals("100%");
            s.append(f(
                    "- 300/s: fan-out p99 %s ms (≤ 50), ack p99 %s ms (≤ 25), delivered %s (all): **%s**%n",
                    ms(Phase.ms(p300.fanout, 99)), ms(Phase.ms(p300.ack, 99)), pct(p300), ok ? "met" : "not met"));
        }
        Phase p2400 = app.sweep(2400);
        Phase b3000 = base.sweep(3000);
        if (p2400 != null) {
            boolean ok = Phase.ms(p2400.fanout, 99) <= 100 && pct(p2400).equals("100%");
            s.append(f(
                    "- 2,400/s for %.0f s: fan-out p99 %s ms (≤ 100), delivered %s (all): **%s**%s%n",
                    p2400.seconds,
                    ms(Phase.ms(p2400.fanout, 99)),
                    pct(p2400),
                    ok ? "met" : "not met",
                    p2400.seconds < 60 ? " (quick mode: the target is for 60 s)" : ""));
        }
        if (b3000 != null) {
            s.append(f(
                    "- for scale: the baseline delivered %s at 3,000/s with fan-out p99 %s ms%n",
                    pct(b3000), ms(Phase.ms(b3000.fanout, 99))));
        }
        Phase day = app.day.isEmpty() ? null : app.day.get(app.day.size() - 1);
        if (day != null) {
            boolean ok = Phase.maxMs(day.fanout) <= 250 && pct(day).equals("100%");
            s.append(f(
                    "- the day at ten times a normal load: latest event %s ms after its due time (≤ 250), delivered %s: **%s**%n",
                    ms(Phase.maxMs(day.fanout)), pct(day), ok ? "met" : "not met"));
        }
        if (!Double.isNaN(app.startRestartMachine)) {
            boolean ok = Math.max(app.startFreshMachine, app.startRestartMachine) <= 3;
            s.append(f(
                    "- ready within 3 s on the 2-core machine: %s fresh, %s with the database in place: **%s** "
                            + "(pinned to one core: %s and %s)%n",
                    sec(app.startFreshMachine),
                    sec(app.startRestartMachine),
                    ok ? "met" : "not met",
                    sec(app.startFresh),
                    sec(app.startRestart)));
        } else if (!Double.isNaN(app.startRestart)) {
            boolean ok = Math.max(app.startFresh, app.startRestart) <= 3;
            s.append(f(
                    "- ready within 3 s: %s fresh, %s with the database in place: **%s**%n",
                    sec(app.startFresh), sec(app.startRestart), ok ? "met" : "not met"));
        }
        if (app.idleConnections > 0) {
            double kb = (app.rssAfterKb - app.rssBeforeKb) / (double) app.idleConnections;
            s.append(f(
                    "- at most 20 KB of resident memory per connected participant: %s: **%s**%n",
                    f("%.1f KB", kb), kb <= 20 ? "met" : "not met"));
        }
        return s.toString();
    }
}
