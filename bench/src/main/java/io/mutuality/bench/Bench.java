package io.mutuality.bench;

import io.mutuality.bench.Load.Conn;
import io.mutuality.bench.Load.Room;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's entry point (bench/run calls it): starts the baseline, then the application,
 * drives both with the same open-loop client, and writes the tables into docs/performance.md.
 *
 * <pre>java -jar mutuality-bench.jar --jar APP.jar --out docs/performance.md [--quick] [--pin] [--only app|baseline]</pre>
 */
public final class Bench {

    static final int ROOMS = 100;
    static final int PER_ROOM = 30;
    static final double[] RATES = {300, 1000, 2400, 3000};

    // settings, from the command line
    static String appJar;
    static Path out;
    static boolean quick;
    static boolean pin;
    static String only = "";
    static int basePort = 18300;
    static String commandLine = "bench/run";
    static String commit = "?";
    static long seed = 12;
    /** Start-up alone, this many rounds (0: the full benchmark). */
    static int startupRounds;

    static String startupWays = "";
    /** Whether the application starts with its class-data sharing archive, when the build made one. */
    static boolean archive = true;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("baseline-server")) {
            BaselineServer.main(new String[] {args[1]});
            return;
        }
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> appJar = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                case "--quick" -> quick = true;
                case "--pin" -> pin = true;
                case "--only" -> only = args[++i];
                case "--port" -> basePort = Integer.parseInt(args[++i]);
                case "--command" -> commandLine = args[++i];
                case "--commit" -> commit = args[++i];
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--startup" -> startupRounds = Integer.parseInt(args[++i]);
                case "--ways" -> startupWays = args[++i];
                case "--no-archive" -> archive = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (startupRounds > 0) {
            Path cds = Path.of(appJar).toAbsolutePath().resolveSibling("app-cds.jsa");
            String ways = !startupWays.isEmpty() ? startupWays : Files.isRegularFile(cds) ? "none,archive" : "none";
            System.exit(
                    Startup.run(appJar, startupRounds, Startup.split(ways), appOptions(basePort + 1), basePort + 1));
        }
        long began = System.nanoTime();
        Result baseline = new Result("baseline");
        Result app = new Result("application");
        int status = 0;
        if (!only.equals("app")) {
            status |= runBaseline(baseline);
        }
        if (!only.equals("baseline")) {
            status |= runApp(app);
        }
        double minutes = (System.nanoTime() - began) / 60e9;
        log(String.format("benchmark finished in %.1f minutes", minutes));
        if (out != null) {
            Report.write(out, baseline, app, minutes);
            log("wrote " + out);
        }
        System.exit(status);
    }

    static void log(String text) {
        System.out.println(java.time.LocalTime.now().withNano(0) + " " + text);
        System.out.flush();
    }

    /** What was measured on one server. */
    static final class Result {
        final String name;
        boolean ran;
        String jvm = "";
        double startFresh = Double.NaN;
        double startRestart = Double.NaN;
        /** Ready on the whole machine (not pinned): a fresh database, then with it in place. */
        double startFreshMachine = Double.NaN;

        double startRestartMachine = Double.NaN;
        long idleRssKb = -1;
        long rssBeforeKb = -1;
        long rssAfterKb = -1;
        long heapBeforeKb = -1;
        long heapAfterKb = -1;
        int idleConnections;
        long peakRssKb = -1;
        double cpuSeconds = Double.NaN;
        double otherCores = Double.NaN;
        final List<Phase> sweep = new ArrayList<>();
        final List<Phase> day = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        Result(String name) {
            this.name = name;
        }

        Phase sweep(double rate) {
            return sweep.stream().filter(p -> p.rate == rate).findFirst().orElse(null);
        }
    }

    static double phaseSeconds(double rate) {
        if (quick) {
            return rate == 2400 ? 10 : 5;
        }
        return rate == 2400 ? 60 : 30;
    }

    static List<String> serverPrefix() {
        return pin ? List.of("taskset", "-c", "0") : List.of();
    }

    // ------------------------------------------------------------------ the baseline

    static int runBaseline(Result result) throws Exception {
        int port = basePort;
        Path work = Files.createTempDirectory("bench-baseline-");
        String self = Path.of(Bench.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> command = new ArrayList<>(serverPrefix());
        command.addAll(List.of(
                Server.javaBin().toString(), "-cp", self, BaselineServer.class.getName(), String.valueOf(port)));
        Server server = new Server("baseline", command, work, port);
        log("baseline: starting in " + work);
        try {
            result.startRestart = server.start(60);
            log(String.format("baseline: ready in %.2f s", result.startRestart));
            result.jvm = server.jvmOptions();
            Load load = new Load("127.0.0.1", port, true);
            try {
                for (int r = 0; r < ROOMS; r++) {
                    Room room = load.new Room(String.format("B%03d", r), r);
                    for (int m = 0; m < PER_ROOM; m++) {
                        room.participants.add(load.new Conn(room, m, "t", null));
                    }
                    room.facilitator = load.new Conn(room, -1, null, null);
                    load.rooms.add(room);
                }
                drive(result, server, load);
            } finally {
                load.close();
            }
            result.ran = true;
            return 0;
        } catch (Exception e) {
            result.problems.add("the run stopped: " + e);
            log("baseline: FAILED: " + e);
            e.printStackTrace(System.out);
            return 1;
        } finally {
            server.stop();
            deleteQuietly(work);
        }
    }

    // ------------------------------------------------------------------ the application

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The application's options in every run: its ports, and per-address limits out of the benchmark's way. */
    static List<String> appOptions(int port) {
        return List.of(
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + (port + 1),
                // every bench connection comes from 127.0.0.1: the per-address limits would stop it at once
                "-Dmutuality.live.connections-per-address=100000",
                "-Dmutuality.identity.join-limit-per-address=100000",
                "-Dmutuality.identity.join-limit-per-room=100000",
                "-Dmutuality.identity.sign-in-limit-per-address=10000");
    }

    static int runApp(Result result) throws Exception {
        int port = basePort + 1;
        Path work = Files.createTempDirectory("bench-app-");
        List<String> command = new ArrayList<>(serverPrefix());
        command.add(Server.javaBin().toString());
        // the documented way of running: with the class-data sharing archive the build wrote beside the jar
        Path cds = Path.of(appJar).toAbsolutePath().resolveSibling("app-cds.jsa");
        if (archive && Files.isRegularFile(cds)) {
            command.add("-XX:SharedArchiveFile=" + cds);
        }
        command.addAll(appOptions(port));
        // BENCH_APP_OPTS: extra JVM options for the application (a profiler, say); named in the report
        String extra = System.getenv("BENCH_APP_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", Path.of(appJar).toAbsolutePath().toString()));
        if (pin) {
            // start-up on the whole machine, as a user starting it would: the target is for the 2-core machine
            Path whole = Files.createTempDirectory("bench-app-start-");
            Server unpinned =
                    new Server("application", command.subList(serverPrefix().size(), command.size()), whole, port);
            try {
                result.startFreshMachine = unpinned.start(180);
                unpinned.stop();
                result.startRestartMachine = unpinned.start(180);
                log(String.format(
                        "application, not pinned: ready in %.2f s on a fresh database, %.2f s with it in place",
                        result.startFreshMachine, result.startRestartMachine));
            } finally {
                unpinned.stop();
            }
        }
        Server server = new Server("application", command, work, port);
        log("application: starting in " + work + " (fresh database)");
        try {
            result.startFresh = server.start(180);
            log(String.format("application: ready in %.2f s on a fresh database", result.startFresh));
            if (!quick) {
                server.stop();
                result.startRestart = server.start(180);
                log(String.format("application: ready in %.2f s with the database in place", result.startRestart));
            }
            result.jvm = server.jvmOptions();
            Load load = new Load("127.0.0.1", port, false);
            try {
                setUpRooms(load, port);
                drive(result, server, load);
            } finally {
                load.close();
            }
            result.ran = true;
            return 0;
        } catch (Exception e) {
            result.problems.add("the run stopped: " + e);
            log("application: FAILED: " + e);
            e.printStackTrace(System.out);
            log("application log, last lines:\n" + server.logTail(40));
            return 1;
        } finally {
            server.stop();
            List<String> errors = new ArrayList<>();
            try {
                for (String line : Files.readAllLines(work.resolve("server.log"))) {
                    if (line.contains(" ERROR ") && errors.size() < 5) {
                        errors.add(line.length() > 300 ? line.substring(0, 300) : line);
                    }
                }
            } catch (IOException ignored) {
                // no log
            }
            if (!errors.isEmpty()) {
                log("application log: ERROR lines, e.g.:\n" + String.join("\n", errors));
                result.problems.add("the application logged errors, e.g. " + errors.get(0));
            }
            deleteQuietly(work);
        }
    }

    /** Signs in as the demo trainer, opens the practice rooms and joins their participants over REST. */
    static void setUpRooms(Load load, int port) throws Exception {
        String base = "http://127.0.0.1:" + port;
        long began = System.nanoTime();
        HttpResponse<String> session = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"trainer@demo.mutuality.test\",\"password\":\"together-we-learn\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200) {
            throw new IllegalStateException(
                    "the demo trainer could not sign in: " + session.statusCode() + " " + session.body());
        }
        String csrf = find(session.body(), "\"csrfToken\":\"([^\"]+)\"");
        String cookie = session.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("mutuality_session="))
                .findFirst()
                .orElseThrow()
                .replaceFirst(";.*", "");
        String orgs = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/api/organisations"))
                                .header("Cookie", cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String org = find(orgs, "\"id\":\"([^\"]+)\",\"slug\":\"tideway-peer-collective\"");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> codes = new ArrayList<>();
            for (int r = 0; r < ROOMS; r++) {
                int n = r;
                codes.add(pool.submit(() -> find(
                        post(
                                base + "/api/organisations/" + org + "/practice-rooms",
                                "{\"title\":\"Benchmark room " + n + "\"}",
                                cookie,
                                csrf),
                        "\"code\":\"([^\"]+)\"")));
            }
            long deadline = System.nanoTime() + 300_000_000_000L; // the whole set-up, bounded
            for (int r = 0; r < ROOMS; r++) {
                load.rooms.add(
                        load.new Room(codes.get(r).get(remaining(deadline), java.util.concurrent.TimeUnit.SECONDS), r));
            }
            List<List<Future<String>>> tokens = new ArrayList<>();
            for (Room room : load.rooms) {
                List<Future<String>> inRoom = new ArrayList<>();
                for (int m = 0; m < PER_ROOM; m++) {
                    String name = "P" + room.index + "-" + m;
                    inRoom.add(pool.submit(() -> find(
                            post(
                                    base + "/api/rooms/" + room.code + "/participants",
                                    "{\"displayName\":\"" + name + "\"}",
                                    null,
                                    null),
                            "\"token\":\"([^\"]+)\"")));
                }
                tokens.add(inRoom);
            }
            for (Room room : load.rooms) {
                for (int m = 0; m < PER_ROOM; m++) {
                    room.participants.add(load
                    .new Conn(
                            room,
                            m,
                            tokens.get(room.index)
                                    .get(m)
                                    .get(remaining(deadline), java.util.concurrent.TimeUnit.SECONDS),
                            null));
                }
                room.facilitator = load.new Conn(room, -1, null, cookie);
            }
        } finally {
            pool.shutdownNow();
        }
        log(String.format(
                "application: %d practice rooms opened and %d participants joined over REST in %.1f s",
                ROOMS, ROOMS * PER_ROOM, (System.nanoTime() - began) / 1e9));
    }

    static long remaining(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
    }

    static String post(String url, String body, String cookie, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie).header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not found: " + regex + " in " + text);
        }
        return matcher.group(1);
    }

    // ------------------------------------------------------------------ the same load for both

    static void drive(Result result, Server server, Load load) throws Exception {
        Others others = new Others();
        try {
            measure(result, server, load);
        } finally {
            result.otherCores =
                    others.cores(java.util.Set.of(ProcessHandle.current().pid(), server.pid()));
            log(String.format(
                    "%s: other processes on the machine used %.2f cores on average meanwhile",
                    result.name, result.otherCores));
        }
    }

    /**
     * With BENCH_HISTOGRAMS=DIR, the server's class histogram (live objects) before and after the idle
     * participants connect, for finding what a connection holds.
     */
    static void histogram(Server server, String who, String when) throws Exception {
        String dir = System.getenv("BENCH_HISTOGRAMS");
        if (dir != null && !dir.isBlank()) {
            java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(dir, who.replaceAll("\\W", "-") + "-" + when + ".txt"),
                    server.jcmd("GC.class_histogram"));
        }
    }

    static void measure(Result result, Server server, Load load) throws Exception {
        String who = result.name;
        Thread.sleep(quick ? 2000 : 5000);
        result.idleRssKb = server.rssKb();
        log(String.format("%s: resident memory idle: %d MB", who, result.idleRssKb / 1024));

        // idle participants: memory before and after, each after a full collection
        result.heapBeforeKb = server.gcAndHeapKb();
        Thread.sleep(1000);
        result.rssBeforeKb = server.rssKb();
        histogram(server, who, "before");
        List<Conn> participants = new ArrayList<>();
        load.rooms.forEach(r -> participants.addAll(r.participants));
        long began = System.nanoTime();
        int failed = load.connect(participants, 50, 300);
        result.idleConnections = participants.size() - failed;
        log(String.format(
                "%s: %d participant connections said hello and were synced in %.1f s (%d failed)",
                who, result.idleConnections, (System.nanoTime() - began) / 1e9, failed));
        if (failed > 0) {
            result.problems.add(
                    failed + " of " + participants.size() + " participant connections failed to open or say hello");
        }
        Thread.sleep(quick ? 2000 : 5000);
        result.heapAfterKb = server.gcAndHeapKb();
        Thread.sleep(1000);
        result.rssAfterKb = server.rssKb();
        histogram(server, who, "after");
        log(String.format(
                "%s: resident memory %d → %d MB, heap in use %d → %d MB with %d idle participants: %.1f KB each",
                who,
                result.rssBeforeKb / 1024,
                result.rssAfterKb / 1024,
                result.heapBeforeKb / 1024,
                result.heapAfterKb / 1024,
                result.idleConnections,
                (result.rssAfterKb - result.rssBeforeKb) / (double) Math.max(1, result.idleConnections)));

        List<Conn> facilitators = new ArrayList<>();
        load.rooms.forEach(r -> facilitators.add(r.facilitator));
        int facilitatorsFailed = load.connect(facilitators, 20, 120);
        if (facilitatorsFailed > 0) {
            result.problems.add(facilitatorsFailed + " facilitator connections failed");
            log(who + ": " + facilitatorsFailed + " facilitator connections failed");
        }
        load.settle(500, 10);
        double cpuBefore = server.cpuSeconds();
        Random random = new Random(seed);

        // the realistic day
        if (!quick || !result.name.equals("baseline")) {
            Scenarios.Day day = Scenarios.day(load, System.nanoTime() + 1_000_000_000L, random, 1);
            log(String.format(
                    "%s: the realistic day: %d commands over %.0f s in %d rooms",
                    who, day.items().size(), day.seconds(), load.rooms.size()));
            List<Phase> parts = List.of(day.checkin(), day.roleplay(), day.reframing());
            Phase all = new Phase("day: all", 0, 0);
            load.begin(all); // connections closed during the day are counted here
            load.play(day.items());
            load.drain(parts, quick ? 5 : 15);
            load.settle(500, quick ? 10 : 30);
            result.day.addAll(parts);
            result.day.add(merge(all, parts));
            result.day.forEach(p -> log(who + ": " + p.line()));
        }

        // the sweep: set up the board, warm up, then each rate
        Phase setUp = new Phase("sweep set-up", 0, 0);
        load.begin(setUp);
        load.play(Scenarios.sweepSetUp(load, setUp, System.nanoTime() + 200_000_000L, random));
        load.drain(List.of(setUp), 10);
        load.settle(500, 10);
        log(who + ": " + setUp.line());
        if (!setUp.errors.isEmpty()) {
            result.problems.add("setting up the sweep: " + setUp.errorsText());
        }
        Phase warm = new Phase("warm-up 300/s", 300, quick ? 3 : 10);
        runPhase(load, warm, server);
        log(who + ": " + warm.line());
        for (double rate : RATES) {
            Phase phase =
                    new Phase(String.format("%,.0f/s for %.0f s", rate, phaseSeconds(rate)), rate, phaseSeconds(rate));
            runPhase(load, phase, server);
            result.sweep.add(phase);
            log(String.format(
                    "%s: %s | CPU (cores) server %.2f, client %.2f",
                    who, phase.line(), phase.serverCpu, phase.clientCpu));
        }
        result.cpuSeconds = server.cpuSeconds() - cpuBefore;
        result.peakRssKb = server.peakRssKb();
        if (load.closedOutside.get() > 0) {
            result.problems.add(load.closedOutside.get() + " connections closed between phases");
        }
    }

    /** One rate: play it, drain it, measure the CPU both sides used meanwhile, then wait for quiet. */
    static void runPhase(Load load, Phase phase, Server server) throws Exception {
        load.begin(phase);
        long start = System.nanoTime() + 500_000_000L;
        List<Load.Item> items = Scenarios.sweep(load, phase, phase.rate, phase.seconds, start);
        double cpu = server.cpuSeconds();
        double own = ownCpuSeconds();
        long t = System.nanoTime();
        load.play(items);
        load.drain(List.of(phase), quick ? 5 : 15);
        double wall = (System.nanoTime() - t) / 1e9;
        phase.serverCpu = (server.cpuSeconds() - cpu) / wall;
        phase.clientCpu = (ownCpuSeconds() - own) / wall;
        load.settle(500, quick ? 10 : 30);
    }

    /** This process's CPU time so far, in seconds. */
    static double ownCpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static Phase merge(Phase all, List<Phase> parts) {
        for (Phase p : parts) {
            all.ack.add(p.ack);
            all.fanout.add(p.fanout);
            all.scheduled.add(p.scheduled.sum());
            all.sent.add(p.sent.sum());
            all.acked.add(p.acked.sum());
            all.rejected.add(p.rejected.sum());
            all.expected.add(p.expected.sum());
            all.received.add(p.received.sum());
            all.late.add(p.late.sum());
            all.closedConnections.add(p.closedConnections.sum());
            p.errors.forEach((k, v) -> all.errors
                    .computeIfAbsent(k, x -> new java.util.concurrent.atomic.LongAdder())
                    .add(v.sum()));
            p.closeReasons.forEach((k, v) -> all.closeReasons
                    .computeIfAbsent(k, x -> new java.util.concurrent.atomic.LongAdder())
                    .add(v.sum()));
            all.unsent += p.unsent;
            all.unacked += p.unacked;
            all.drainSeconds = Math.max(all.drainSeconds, p.drainSeconds);
        }
        all.closed = true;
        return all;
    }

    static void deleteQuietly(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // left behind in the temp directory
        }
    }

    static String today() {
        return ZonedDateTime.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.UK));
    }

    static String readQuietly(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
