import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash test of the live room: "acknowledged means durable" shown with kill -9, not a clean stop.
 *
 * <pre>
 *   java .ci/CrashCheck.java JAR WORKDIR CYCLES PORT [SEED]
 *   (database from MUTUALITY_DB_URL / _USER / _PASSWORD in the environment; H2 under WORKDIR otherwise)
 * </pre>
 *
 * It starts the packaged application as a real process, opens a practice room with a facilitator
 * and four participants, and then, CYCLES times: every client sends a burst of commands without
 * waiting (journal entries, check-in answers, notes, check-ins opened and closed), the process is
 * killed with SIGKILL at a random moment during the burst, and started again. After each restart:
 * <ul>
 * <li>every client reconnects with lastSeq 0 and its replay is checked: sequence numbers strictly
 *     increasing, every event it saw before the crash has the same content at the same number (no
 *     number reused), and the room is not behind anything anyone saw;</li>
 * <li>every command that was acknowledged appears exactly once in its sender's replay, at the
 *     number its acknowledgement gave;</li>
 * <li>every command answered before is sent again and gets its first answer byte for byte; every
 *     command left unanswered by the crash is sent again and gets exactly one answer;</li>
 * <li>no participant ever received another's journal entry, another's answer to a
 *     facilitators-only check-in, or a facilitators-only event.</li>
 * </ul>
 * Exits non-zero with the first violation, and prints its counts either way.
 */
public class CrashCheck {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    static String jar;
    static Path work;
    static int port;
    static String base;
    static Process app;
    static Random random;

    // counts
    static int kills;
    static int sent;
    static int acknowledged;
    static int replayedAnswersMatched;
    static int unansweredResent;
    static int eventsChecked;
    static int exactlyOnceChecked;

    public static void main(String[] args) throws Exception {
        jar = new File(args[0]).getAbsolutePath();
        work = Path.of(args[1]);
        int cycles = Integer.parseInt(args[2]);
        port = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : System.nanoTime();
        random = new Random(seed);
        base = "http://127.0.0.1:" + port;
        Files.createDirectories(work);
        System.out.println("crash check: " + cycles + " kills, seed " + seed + ", database "
                + System.getenv().getOrDefault("MUTUALITY_DB_URL", "H2 file under " + work));
        try {
            run(cycles);
        } catch (Throwable failure) {
            System.out.println("crash check: FAILED: " + failure.getMessage());
            printCounts();
            stop(true);
            System.exit(1);
        }
        printCounts();
        System.out.println("crash check: passed");
        System.exit(0);
    }

    static void printCounts() {
        System.out.printf(
                "crash check: %d kills, %d commands sent, %d acknowledged; %d first answers replayed byte for byte, "
                        + "%d unanswered commands sent again, %d acknowledged commands found exactly once, %d events checked "
                        + "for who may see them%n",
                kills, sent, acknowledged, replayedAnswersMatched, unansweredResent, exactlyOnceChecked, eventsChecked);
    }

    /** A person in the room and everything their connections have sent and received. */
    static final class Person {
        final String name;
        final String token; // null for the facilitator
        final String id;
        final Map<String, String> commands = new LinkedHashMap<>(); // command id -> frame
        final Map<String, String> answers = new ConcurrentHashMap<>(); // command id -> first answer (stored kinds only)
        final Map<Long, String> events = new ConcurrentHashMap<>(); // seq -> event text without "at"
        Client client;

        Person(String name, String token, String id) {
            this.name = name;
            this.token = token;
            this.id = id;
        }

        boolean facilitator() {
            return token == null;
        }
    }

    static String cookie;
    static String code;
    static final List<Person> people = new ArrayList<>();
    static long highestSeen;
    static String openCheckin;
    static String openCheckinVisibility;

    static void run(int cycles) throws Exception {
        start();
        cookie = signIn();
        String org = find(get("/api/organisations"), "\"id\":\"([^\"]+)\",\"slug\":\"tideway-peer-collective\"");
        String room = post("/api/organisations/" + org + "/practice-rooms", "{\"title\":\"Crash check\"}", true);
        code = field(room, "code");
        people.add(new Person("facilitator", null, null));
        for (String name : List.of("Ada", "Bea", "Cy", "Dee")) {
            String joined = post("/api/rooms/" + code + "/participants", "{\"displayName\":\"" + name + "\"}", false);
            people.add(
                    new Person(name, field(joined, "token"), find(joined, "\"participant\":\\{\"id\":\"([^\"]+)\"")));
        }
        for (int cycle = 1; cycle <= cycles; cycle++) {
            connectAndVerify(cycle);
            burstAndKill(cycle);
            start();
        }
        connectAndVerify(cycles + 1);
        stop(false);
    }

    /** Connects everyone with lastSeq 0 and checks the whole log they may see against what they saw before. */
    static void connectAndVerify(int cycle) throws Exception {
        for (Person person : people) {
            person.client = Client.open(person.facilitator() ? cookie : null);
            String hello = "{\"v\":1,\"type\":\"hello\",\"id\":\"hello-" + cycle + "\",\"lastSeq\":0"
                    + (person.token == null ? "" : ",\"token\":\"" + person.token + "\"") + "}";
            person.client.send(hello);
            String welcome = person.client.await("\"type\":\"welcome\"", 20);
            long latest = Long.parseLong(find(welcome, "\"latestSeq\":(\\d+)"));
            if (latest < highestSeen) {
                throw new AssertionError("after restart " + cycle + " the room is at seq " + latest + " but "
                        + highestSeen + " had been delivered before the crash");
            }
            person.client.await("\"type\":\"synced\"", 20);
            long previous = 0;
            Map<Long, String> replay = new HashMap<>();
            for (String message : person.client.drain()) {
                if (!message.contains("\"type\":\"event\"")) {
                    continue;
                }
                long seq = seqOf(message);
                if (seq <= previous) {
                    throw new AssertionError(person.name + "'s replay goes from seq " + previous + " to " + seq);
                }
                previous = seq;
                replay.put(seq, withoutAt(message));
                checkVisibility(person, message);
            }
            for (Map.Entry<Long, String> seen : person.events.entrySet()) {
                String now = replay.get(seen.getKey());
                if (now == null) {
                    throw new AssertionError(person.name + " saw seq " + seen.getKey()
                            + " before the crash, but it is not in the log: " + seen.getValue());
                }
                if (!now.equals(seen.getValue())) {
                    throw new AssertionError("seq " + seen.getKey() + " now means another event. Before: "
                            + seen.getValue() + " After: " + now);
                }
            }
            person.events.putAll(replay);
            // every acknowledged command is in the log exactly once, at the number its ack gave
            for (Map.Entry<String, String> answer : person.answers.entrySet()) {
                if (!answer.getValue().contains("\"type\":\"ack\"")) {
                    continue;
                }
                String marker = answer.getKey();
                List<Long> found = new ArrayList<>();
                replay.forEach((seq, text) -> {
                    if (text.contains("\"" + marker + "\"")) {
                        found.add(seq);
                    }
                });
                if (marker.startsWith("j-") || marker.startsWith("n-") || marker.startsWith("w-")) {
                    if (found.size() != 1) {
                        throw new AssertionError(person.name + "'s acknowledged command " + marker + " is in the log "
                                + found.size() + " times: " + found);
                    }
                    if (!answer.getValue().matches(".*\"seqs\":\\[[^\\]]*\\b" + found.get(0) + "\\b.*")) {
                        throw new AssertionError(marker + " was acknowledged as " + answer.getValue()
                                + " but is stored at seq " + found.get(0));
                    }
                    exactlyOnceChecked++;
                }
            }
        }
        trackCheckin();
        // every command answered before gets its first answer again; every unanswered one gets one now
        for (Person person : people) {
            List<String> unanswered = new ArrayList<>();
            for (Map.Entry<String, String> command : person.commands.entrySet()) {
                String first = person.answers.get(command.getKey());
                if (first == null) {
                    unanswered.add(command.getKey());
                }
            }
            List<String> answeredIds = new ArrayList<>(person.answers.keySet());
            java.util.Collections.shuffle(answeredIds, random);
            for (String id : answeredIds.subList(0, Math.min(60, answeredIds.size()))) {
                person.client.send(person.commands.get(id));
                String again = person.client.await("\"id\":\"" + id + "\"", 20);
                if (!again.equals(person.answers.get(id))) {
                    throw new AssertionError(person.name + "'s command " + id + " was answered "
                            + person.answers.get(id) + " and now " + again);
                }
                replayedAnswersMatched++;
            }
            for (String id : unanswered) {
                person.client.send(person.commands.get(id));
                String answer = person.client.await("\"id\":\"" + id + "\"", 20);
                if (!answer.contains("\"type\":\"ack\"") && !answer.contains("\"type\":\"error\"")) {
                    throw new AssertionError("odd answer to " + id + ": " + answer);
                }
                person.answers.put(id, answer);
                if (answer.contains("\"type\":\"ack\"")) {
                    acknowledged++;
                }
                unansweredResent++;
            }
            for (String message : person.client.drain()) {
                record(person, message);
            }
        }
    }

    /** Which check-in is open now, from the facilitator's view of the log. */
    static void trackCheckin() {
        Person facilitator = people.get(0);
        openCheckin = null;
        List<Long> seqs = new ArrayList<>(facilitator.events.keySet());
        java.util.Collections.sort(seqs);
        for (long seq : seqs) {
            String text = facilitator.events.get(seq);
            if (text.contains("\"kind\":\"checkin.started\"")) {
                openCheckin = find(text, "\"checkinId\":\"([^\"]+)\"");
                openCheckinVisibility = find(text, "\"visibility\":\"([^\"]+)\"");
            } else if (text.contains("\"kind\":\"checkin.closed\"")) {
                openCheckin = null;
            }
        }
    }

    static void burstAndKill(int cycle) throws Exception {
        long killAfter = 50 + random.nextInt(900);
        CountDownLatch done = new CountDownLatch(people.size());
        List<Thread> threads = new ArrayList<>();
        for (Person person : people) {
            Random own = new Random(random.nextLong());
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; n < 100; n++) {
                        String id;
                        String frame;
                        if (person.facilitator()) {
                            int pick = own.nextInt(10);
                            if (pick < 6) {
                                id = "n-" + cycle + "-" + n;
                                frame = "{\"v\":1,\"type\":\"note.share\",\"id\":\"" + id + "\",\"text\":\"" + id
                                        + "\"}";
                            } else if (pick < 8) {
                                id = "s-" + cycle + "-" + n;
                                String visibility = own.nextBoolean() ? "facilitators" : "everyone";
                                frame = "{\"v\":1,\"type\":\"checkin.start\",\"id\":\"" + id
                                        + "\",\"prompt\":\"How are you arriving?\"," + "\"visibility\":\"" + visibility
                                        + "\"}";
                            } else {
                                id = "c-" + cycle + "-" + n;
                                String checkin = latestCheckin(person);
                                frame = "{\"v\":1,\"type\":\"checkin.close\",\"id\":\"" + id + "\",\"checkinId\":\""
                                        + checkin + "\"}";
                            }
                        } else {
                            String checkin = latestCheckin(person);
                            if (checkin != null && own.nextInt(3) == 0) {
                                id = "w-" + person.name + "-" + cycle + "-" + n;
                                frame = "{\"v\":1,\"type\":\"checkin.answer\",\"id\":\"" + id + "\",\"checkinId\":\""
                                        + checkin + "\",\"word\":\"" + id + "\"}";
                            } else {
                                id = "j-" + person.name + "-" + cycle + "-" + n;
                                frame = "{\"v\":1,\"type\":\"journal.write\",\"id\":\"" + id + "\",\"text\":\"" + id
                                        + "\"}";
                            }
                        }
                        synchronized (person) {
                            person.commands.put(id, frame);
                        }
                        person.client.send(frame);
                        sentOne();
                        Thread.sleep(own.nextInt(25));
                    }
                } catch (Throwable stopped) {
                    // the process was killed under us: expected
                } finally {
                    done.countDown();
                }
            });
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Thread.sleep(killAfter);
        app.destroyForcibly();
        app.waitFor(30, TimeUnit.SECONDS);
        kills++;
        done.await(30, TimeUnit.SECONDS);
        Thread.sleep(300);
        for (Person person : people) {
            for (String message : person.client.drain()) {
                record(person, message);
            }
            person.client.abort();
        }
        System.out.println("  kill " + cycle + " after " + killAfter + " ms: " + sent + " sent, " + acknowledged
                + " acknowledged so far, highest seq seen " + highestSeen);
    }

    static synchronized void sentOne() {
        sent++;
    }

    /** The newest check-in this person saw start, or null. */
    static String latestCheckin(Person person) {
        long best = -1;
        String id = openCheckin;
        for (Map.Entry<Long, String> e : person.events.entrySet()) {
            if (e.getKey() > best && e.getValue().contains("\"kind\":\"checkin.started\"")) {
                best = e.getKey();
                id = find(e.getValue(), "\"checkinId\":\"([^\"]+)\"");
            }
        }
        return id == null ? "k0" : id;
    }

    /** Keeps what a client received: events by number, and the first answer to each command. */
    static void record(Person person, String message) {
        if (message.contains("\"type\":\"event\"")) {
            long seq = seqOf(message);
            String text = withoutAt(message);
            String before = person.events.putIfAbsent(seq, text);
            if (before != null && !before.equals(text)) {
                throw new AssertionError(person.name + " was sent two different events as seq " + seq);
            }
            synchronized (CrashCheck.class) {
                highestSeen = Math.max(highestSeen, seq);
            }
            checkVisibility(person, message);
        } else if (message.contains("\"type\":\"ack\"") || message.contains("\"type\":\"error\"")) {
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(message);
            if (!id.find() || id.group(1).startsWith("hello-")) {
                return;
            }
            if (message.contains("\"code\":\"rate-limited\"")) {
                throw new AssertionError("the crash check was rate-limited; start the app with a higher limit");
            }
            if (person.answers.putIfAbsent(id.group(1), message) == null && message.contains("\"type\":\"ack\"")) {
                synchronized (CrashCheck.class) {
                    acknowledged++;
                }
            }
        }
    }

    /** Participants never see another's private words, nor anything meant for facilitators only. */
    static void checkVisibility(Person person, String message) {
        eventsChecked++;
        if (person.facilitator()) {
            return;
        }
        if (message.contains("\"kind\":\"checkin.responded\"")) {
            throw new AssertionError(person.name + " received a facilitators-only event: " + message);
        }
        Matcher journal = Pattern.compile("\"j-([A-Za-z]+)-").matcher(message);
        while (journal.find()) {
            if (!journal.group(1).equals(person.name)) {
                throw new AssertionError(
                        person.name + " received " + journal.group(1) + "'s journal entry: " + message);
            }
        }
        if (message.contains("\"kind\":\"checkin.answered\"")) {
            Matcher word = Pattern.compile("\"w-([A-Za-z]+)-(\\d+)-").matcher(message);
            if (word.find() && !word.group(1).equals(person.name)) {
                String checkin = find(message, "\"checkinId\":\"([^\"]+)\"");
                String started = people.get(0).events.values().stream()
                        .filter(t -> t.contains("\"kind\":\"checkin.started\"")
                                && t.contains("\"checkinId\":\"" + checkin + "\""))
                        .findFirst()
                        .orElse("");
                if (started.contains("\"visibility\":\"facilitators\"")) {
                    throw new AssertionError(person.name + " received " + word.group(1)
                            + "'s answer to a facilitators-only check-in: " + message);
                }
            }
        }
    }

    static long seqOf(String message) {
        Matcher m = SEQ.matcher(message);
        if (!m.find()) {
            throw new AssertionError("an event without seq: " + message);
        }
        return Long.parseLong(m.group(1));
    }

    /** An event's text without its "at" (a timestamp's printed precision may differ between live and stored). */
    static String withoutAt(String message) {
        return message.replaceFirst(",\"at\":\"[^\"]*\"", "");
    }

    // --- the process -------------------------------------------------------------------------------------------

    static void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                javaBin(),
                "-Dquarkus.http.port=" + port,
                "-Dmutuality.live.commands-per-person=100000",
                "-Dmutuality.identity.join-limit-per-address=1000",
                "-Dmutuality.identity.sign-in-limit-per-address=1000",
                "-jar",
                jar));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(
                        ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        app = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!app.isAlive()) {
                throw new AssertionError("the application exited while starting; see " + work.resolve("app.log"));
            }
            try {
                HttpResponse<String> ready = HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the application was not ready in 120 s");
    }

    static void stop(boolean quietly) throws Exception {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    // --- HTTP --------------------------------------------------------------------------------------------------

    static String csrf;

    static String signIn() throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"trainer@demo.mutuality.test\",\"password\":\"together-we-learn\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in answered " + response.statusCode());
        }
        csrf = field(response.body(), "csrfToken");
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("mutuality_session="))
                .findFirst()
                .orElseThrow()
                .replaceFirst("mutuality_session=([^;]*).*", "$1");
    }

    static String get(String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(base + path))
                                .header("Cookie", "mutuality_session=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String post(String path, String body, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signedIn) {
            request.header("Cookie", "mutuality_session=" + cookie).header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        return find(json, "\"" + name + "\":\"([^\"]+)\"");
    }

    static String find(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("not found: " + regex + " in " + text);
        }
        return matcher.group(1);
    }

    /** A WebSocket client that keeps every text message it receives. */
    static final class Client {
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final List<String> pending = new ArrayList<>();
        WebSocket socket;

        static Client open(String sessionCookie) {
            Client client = new Client();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            if (sessionCookie != null) {
                builder.header("Cookie", "mutuality_session=" + sessionCookie);
            }
            client.socket = builder.buildAsync(
                            URI.create(base.replaceFirst("^http", "ws") + "/ws/rooms/" + code),
                            new WebSocket.Listener() {
                                final StringBuilder partial = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    partial.append(data);
                                    if (last) {
                                        client.inbox.add(partial.toString());
                                        partial.setLength(0);
                                    }
                                    ws.request(1);
                                    return null;
                                }
                            })
                    .join();
            return client;
        }

        synchronized void send(String text) {
            socket.sendText(text, true).join();
        }

        /** Waits for a message containing {@code contains}; earlier messages stay for {@link #drain()}. */
        String await(String contains, int seconds) throws InterruptedException {
            for (String message : pending) {
                if (message.contains(contains)) {
                    pending.remove(message);
                    return message;
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                String message = inbox.poll(50, TimeUnit.MILLISECONDS);
                if (message != null) {
                    if (message.contains(contains)) {
                        return message;
                    }
                    pending.add(message);
                }
            }
            throw new AssertionError("waited " + seconds + " s for " + contains + "; last messages "
                    + pending.subList(Math.max(0, pending.size() - 5), pending.size()));
        }

        /** Everything received and not yet taken, in order. */
        List<String> drain() {
            List<String> all = new ArrayList<>(pending);
            pending.clear();
            inbox.drainTo(all);
            return all;
        }

        void abort() {
            socket.abort();
        }
    }
}
