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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A training day across two nodes (issue 13), with real processes: two packaged nodes on one
 * PostgreSQL database and one Redis (a redis-server of its own, so that it can be stopped).
 *
 * <pre>
 *   java .ci/ClusterCheck.java JAR WORKDIR PORT_A PORT_B REDIS_PORT
 *   (database from MUTUALITY_DB_URL / _USER / _PASSWORD in the environment: PostgreSQL)
 * </pre>
 *
 * A facilitator on node A and six participants, three on A and three on B:
 * <ol>
 * <li>a check-in everyone answers;</li>
 * <li>two hundred notes sent at once by two facilitator connections, one on each node: every one
 *     acknowledged once, at numbers nobody else got;</li>
 * <li>a failed sign-in limit that holds across both nodes;</li>
 * <li>Redis stopped in the middle of a check-in and started again;</li>
 * <li>a participant on node B removed by the facilitator on node A: their connection closes;</li>
 * <li>a role-play round of one minute, with node A killed (SIGKILL) in the middle: its clients
 *     reconnect to node B with their last sequence number and go on, and the round ends once.</li>
 * </ol>
 * Then everyone connects to node B again from sequence number 0 and what each person received
 * live is compared with the log: the same events at the same numbers, each once, none missing;
 * every acknowledged command once in the log; the log itself without gaps.
 */
public class ClusterCheck {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

    static String jar;
    static Path work;
    static int redisPort;
    static Node a;
    static Node b;
    static Process redis;
    static String cookie;
    static String csrf;
    static String code;
    static String roomId;
    static final List<Person> people = new ArrayList<>();
    static int checks;

    public static void main(String[] args) throws Exception {
        jar = new File(args[0]).getAbsolutePath();
        work = Path.of(args[1]);
        a = new Node("A", Integer.parseInt(args[2]));
        b = new Node("B", Integer.parseInt(args[3]));
        redisPort = Integer.parseInt(args[4]);
        Files.createDirectories(work);
        try {
            run();
        } catch (Throwable failure) {
            System.out.println("cluster check: FAILED: " + failure);
            failure.printStackTrace(System.out);
            stopAll();
            System.exit(1);
        }
        stopAll();
        System.out.println("cluster check: passed (" + checks + " checks)");
        System.exit(0);
    }

    static void ok(String what) {
        checks++;
        System.out.println("  ok: " + what);
    }

    static void run() throws Exception {
        startRedis();
        a.start();
        b.start(); // after A: the demo organisation is made once, by the first node
        cookie = signIn(a);
        String org = find(get(a, "/api/organisations"), "\"id\":\"([^\"]+)\",\"slug\":\"tideway-peer-collective\"");
        code = field(
                post(a, "/api/organisations/" + org + "/practice-rooms", "{\"title\":\"Two nodes\"}", true), "code");
        roomId = sql("select id from room where code = '" + code + "'");
        Person facilitator = new Person("facilitator", null, null);
        people.add(facilitator);
        for (String name : List.of("Ada", "Bea", "Cy", "Dee", "Eli", "Fay")) {
            Node via = people.size() <= 3 ? a : b;
            String joined =
                    post(via, "/api/rooms/" + code + "/participants", "{\"displayName\":\"" + name + "\"}", false);
            people.add(
                    new Person(name, field(joined, "token"), find(joined, "\"participant\":\\{\"id\":\"([^\"]+)\"")));
        }
        for (Person person : people) {
            person.connect(person == facilitator || people.indexOf(person) <= 3 ? a : b);
        }
        ok("a facilitator and three participants on node A, three participants on node B");

        // 1. a check-in everyone answers
        String checkin = checkin(facilitator, "One word for how you arrive");
        for (Person p : participants()) {
            p.command("checkin.answer", "\"checkinId\":\"" + checkin + "\",\"word\":\"w-" + p.name + "-1\"");
        }
        for (Person p : people) {
            for (Person q : participants()) {
                p.client.awaitText("w-" + q.name + "-1", 10);
            }
        }
        facilitator.command("checkin.close", "\"checkinId\":\"" + checkin + "\"");
        ok("a check-in answered on both nodes reached every connection on both");

        // 2. two hundred notes at once, half to each node
        Person second = new Person("facilitator", null, null);
        second.connect(b);
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (Person sender : List.of(facilitator, second)) {
            String tag = sender == facilitator ? "A" : "B";
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    // a few milliseconds apart, so that both nodes decide at the same moments for half a second
                    for (int i = 0; i < 100; i++) {
                        ids.add(sender.send("note.share", "\"text\":\"note-" + tag + "-" + i + "\""));
                        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            senders.add(thread);
        }
        go.countDown();
        for (Thread thread : senders) {
            thread.join();
        }
        Set<Long> ackedSeqs = new HashSet<>();
        for (String id : ids) {
            Person sender = id.startsWith(facilitator.prefix) ? facilitator : second;
            String answer = sender.client.await("\"id\":\"" + id + "\"", 60);
            if (!answer.contains("\"type\":\"ack\"")) {
                throw new AssertionError("a note was not acknowledged: " + answer);
            }
            long seq = Long.parseLong(find(answer, "\"seqs\":\\[(\\d+)\\]"));
            if (!ackedSeqs.add(seq)) {
                throw new AssertionError("two notes acknowledged at seq " + seq);
            }
            sender.acked.put(id, seq);
        }
        ok("200 notes sent to both nodes at once: 200 acknowledgements, 200 different numbers");
        double refolds = metric(a, "mutuality_room_refolds_total") + metric(b, "mutuality_room_refolds_total");
        double gaps = metric(a, "mutuality_room_gaps_filled_total") + metric(b, "mutuality_room_gaps_filled_total");
        System.out.printf(
                "  (the nodes met each other's writes %.0f times and decided again; read the log for %.0f gaps)%n",
                refolds, gaps);
        String byNode = sql("select string_agg(case when data like '%note-A-%' then 'A' else 'B' end, '' order by seq) "
                + "from room_event where room_id = '" + roomId
                + "' and kind = 'note.shared' and data like '%note-_-%'");
        System.out.println("  (the notes in the order the log holds them, by node: " + byNode + ")");
        int turns = 0;
        for (int i = 1; i < byNode.length(); i++) {
            turns += byNode.charAt(i) != byNode.charAt(i - 1) ? 1 : 0;
        }
        if (turns < 2) {
            throw new AssertionError("the two nodes did not write the room at the same time (" + turns
                    + " turns), so the check shows little");
        }
        ok("the two nodes wrote the room at the same time (" + turns
                + " turns between them in the log), and one order held");
        second.close();

        // 3. sign-in attempts for one account are limited across both nodes
        int refused = 0;
        for (int i = 0; i < 11; i++) {
            int status = signInStatus(i % 2 == 0 ? a : b, "nobody-" + code + "@cluster.test");
            if (status == 429) {
                refused++;
                if (i < 10) {
                    throw new AssertionError("attempt " + (i + 1) + " was refused; the limit is 10 per account");
                }
            }
        }
        if (refused != 1) {
            throw new AssertionError("the 11th sign-in attempt, alternating between nodes, was not refused");
        }
        ok("ten failed sign-ins for one account, alternating between nodes, then 429 on the eleventh");

        // 3b. a seat offer that lapses is passed on once, with both nodes sweeping offers every second
        String[] admin = signInAs(a, "admin@demo.mutuality.test");
        String cohortId = sql("select id from cohort order by created_at limit 1");
        String base = "/api/organisations/" + sql("select organisation_id from cohort where id = '" + cohortId + "'")
                + "/cohorts/" + cohortId + "/registrations";
        int capacity = Integer.parseInt(sql("select capacity from cohort where id = '" + cohortId + "'"));
        int holding = Integer.parseInt(sql("select count(*) from registration where cohort_id = '" + cohortId
                + "' and status in ('CONFIRMED', 'OFFERED')"));
        for (int i = 0; i < capacity - holding + 2; i++) {
            postAs(
                    i % 2 == 0 ? a : b,
                    base,
                    "{\"name\":\"Seat " + i + "\",\"email\":\"seat-" + i + "-" + code.toLowerCase()
                            + "@cluster.test\"}",
                    admin);
        }
        String waiting =
                sql("select string_agg(id::text, ',' order by waitlist_position) from registration where cohort_id = '"
                        + cohortId + "' and status = 'WAITLISTED'");
        String[] waitlist = waiting.split(",");
        if (waitlist.length != 2) {
            throw new AssertionError("expected two people waiting, found: " + waiting);
        }
        String holder = sql(
                "select id from registration where cohort_id = '" + cohortId + "' and status = 'CONFIRMED' limit 1");
        postAs(b, base + "/" + holder + "/cancel", "", admin);
        expectStatus(waitlist[0], "OFFERED", 10);
        sql("update registration set offer_expires_at = now() - interval '1 minute' where id = '" + waitlist[0] + "'");
        expectStatus(waitlist[0], "EXPIRED", 20);
        expectStatus(waitlist[1], "OFFERED", 10);
        Thread.sleep(3_000); // three more sweeps on each node
        String offered =
                sql("select count(*) from registration where cohort_id = '" + cohortId + "' and status = 'OFFERED'");
        long lapsedMails = 0;
        for (Node node : List.of(a, b)) {
            lapsedMails += Files.readAllLines(work.resolve("node-" + node.name).resolve("app.log")).stream()
                    .filter(line -> line.contains("The seat we held has passed on"))
                    .count();
        }
        if (!offered.equals("1") || lapsedMails != 1) {
            throw new AssertionError(
                    "after the offer lapsed: " + offered + " offers standing, " + lapsedMails + " emails saying so");
        }
        ok("a lapsed seat offer, swept every second on both nodes, went to the next person once, with one email");

        // 4. Redis stopped in the middle of a check-in, then started again
        String second_ = checkin(facilitator, "A word for the middle of the day");
        List<Person> everyone = participants();
        for (Person p : everyone.subList(0, 3)) {
            p.command("checkin.answer", "\"checkinId\":\"" + second_ + "\",\"word\":\"w-" + p.name + "-2\"");
        }
        stopRedis();
        for (Person p : everyone.subList(3, 6)) {
            p.command("checkin.answer", "\"checkinId\":\"" + second_ + "\",\"word\":\"w-" + p.name + "-2\"");
        }
        startRedis();
        for (Person p : people) {
            for (Person q : everyone) {
                p.client.awaitText("w-" + q.name + "-2", 30);
            }
        }
        facilitator.command("checkin.close", "\"checkinId\":\"" + second_ + "\"");
        ok("Redis stopped during a check-in: every answer still reached every connection on both nodes");

        // 5. the facilitator on A removes a participant connected to B
        Person eli =
                people.stream().filter(p -> p.name.equals("Eli")).findFirst().orElseThrow();
        facilitator.command("participant.remove", "\"participantId\":\"" + eli.id + "\"");
        eli.client.awaitText("\"code\":\"removed\"", 10);
        if (!eli.client.closed.await(10, TimeUnit.SECONDS)) {
            throw new AssertionError("Eli's connection to node B stayed open after the removal on node A");
        }
        eli.removed = true;
        ok("a participant on node B removed from node A: told, and their connection closed");

        // 6. a role-play round of one minute; node A killed half-way
        facilitator.command(
                "roleplay.launch",
                "\"grouping\":\"auto\",\"groupSize\":3,\"rounds\":1,\"minutes\":1,"
                        + "\"scenario\":{\"title\":\"A late bus\",\"shared\":\"Someone arrives late and flustered.\",\"roles\":{"
                        + "\"person-sharing\":\"You arrive late.\",\"peer-supporter\":\"You notice.\",\"observer\":\"You watch.\"}}");
        String roleplayId =
                find(facilitator.client.awaitText("\"kind\":\"roleplay.launched\"", 10), "\"roleplayId\":\"([^\"]+)\"");
        facilitator.command("roleplay.start", "\"roleplayId\":\"" + roleplayId + "\"");
        for (Person p : people) {
            if (!p.removed) {
                p.client.awaitText("\"kind\":\"roleplay.round-started\"", 10);
            }
        }
        Thread.sleep(15_000);
        a.kill();
        ok("node A killed (SIGKILL) 15 s into a one-minute round");
        for (Person p : people) {
            if (!p.removed && p.node == a) {
                p.reconnect(b);
            }
        }
        String after = facilitator.command("note.share", "\"text\":\"note-after-kill\"");
        if (!after.contains("\"type\":\"ack\"")) {
            throw new AssertionError("a note after the kill was not acknowledged: " + after);
        }
        ok("node A's clients reconnected to node B with their last sequence number and went on");
        for (Person p : people) {
            if (!p.removed) {
                p.client.awaitText("\"kind\":\"roleplay.time-up\"", 90);
            }
        }
        Thread.sleep(3_000);
        ok("the round clock ended the round on node B");

        // what each person received live, against the log
        verifyAgainstTheLog();
    }

    static List<Person> participants() {
        return people.stream().filter(p -> p.token != null && !p.removed).toList();
    }

    static String checkin(Person facilitator, String prompt) throws Exception {
        facilitator.command(
                "checkin.start", "\"prompt\":\"" + prompt + "\",\"visibility\":\"everyone\",\"mode\":\"open\"");
        String started = facilitator.client.awaitText(prompt, 10);
        return find(started, "\"checkinId\":\"([^\"]+)\"");
    }

    static void verifyAgainstTheLog() throws Exception {
        long count = Long.parseLong(sql("select count(*) from room_event where room_id = '" + roomId + "'"));
        long max = Long.parseLong(sql("select max(seq) from room_event where room_id = '" + roomId + "'"));
        if (count != max) {
            throw new AssertionError("the log has " + count + " events up to seq " + max + ": a gap");
        }
        ok("the log holds " + count + " events, numbered 1 to " + max + " without a gap");
        int timeUps = Integer.parseInt(
                sql("select count(*) from room_event where room_id = '" + roomId + "' and kind = 'roleplay.time-up'"));
        if (timeUps != 1) {
            throw new AssertionError("the round ended " + timeUps + " times");
        }
        ok("the round ended once in the log, though both nodes ran its clock");
        for (Person person : people) {
            if (person.removed) {
                continue;
            }
            Client fresh = Client.open(b, person.token == null ? cookie : null);
            fresh.send(person.hello(0));
            fresh.await("\"type\":\"synced\"", 30);
            TreeMap<Long, String> replay = new TreeMap<>();
            for (String message : fresh.drain()) {
                if (message.contains("\"type\":\"event\"")) {
                    replay.put(seqOf(message), withoutAt(message));
                }
            }
            fresh.close();
            for (Map.Entry<Long, String> live : person.events.entrySet()) {
                String logged = replay.get(live.getKey());
                if (!live.getValue().equals(logged)) {
                    throw new AssertionError(person.name + " received seq " + live.getKey() + " live as "
                            + live.getValue() + " but the log holds " + logged);
                }
            }
            for (Long seq : replay.keySet()) {
                if (!person.events.containsKey(seq)) {
                    throw new AssertionError(person.name + " never received seq " + seq + " live: " + replay.get(seq));
                }
            }
            if (person.duplicates > 0) {
                throw new AssertionError(
                        person.name + " received " + person.duplicates + " events twice on one connection");
            }
            for (Map.Entry<String, Long> acked : person.acked.entrySet()) {
                if (!replay.containsKey(acked.getValue())) {
                    throw new AssertionError(person.name + "'s acknowledged " + acked.getKey()
                            + " is not in the log at " + acked.getValue());
                }
            }
            ok(person.name + ": " + person.events.size()
                    + " events received live, each once, in order, the same as the log" + " holds for them");
        }
        String notes = sql("select count(*) from room_event where room_id = '" + roomId + "' and kind = 'note.shared'");
        if (Integer.parseInt(notes) != 201) {
            throw new AssertionError("the log holds " + notes + " notes; 201 were acknowledged");
        }
        ok("every acknowledged note is in the log exactly once (201)");
    }

    // --- people and their connections ------------------------------------------------------------------------

    static final class Person {
        final String name;
        final String token;
        final String id;
        final String prefix = "c" + Integer.toHexString(System.identityHashCode(this)) + "-";
        final Map<Long, String> events = new TreeMap<>();
        final Map<String, Long> acked = new LinkedHashMap<>();
        int duplicates;
        int next;
        long lastSeq;
        boolean removed;
        Node node;
        Client client;

        Person(String name, String token, String id) {
            this.name = name;
            this.token = token;
            this.id = id;
        }

        String hello(long from) {
            return "{\"v\":1,\"type\":\"hello\",\"id\":\"" + prefix + "hello-" + (next++) + "\",\"lastSeq\":" + from
                    + (token == null ? "" : ",\"token\":\"" + token + "\"") + "}";
        }

        void connect(Node to) throws Exception {
            node = to;
            client = Client.open(to, token == null ? cookie : null);
            client.owner = this;
            client.send(hello(lastSeq));
            client.await("\"type\":\"synced\"", 30);
        }

        void reconnect(Node to) throws Exception {
            client.close();
            connect(to);
        }

        String send(String type, String fields) {
            String id;
            synchronized (this) {
                id = prefix + (next++);
            }
            client.send("{\"v\":1,\"type\":\"" + type + "\",\"id\":\"" + id + "\"," + fields + "}");
            return id;
        }

        /** Sends and waits for the answer; an acknowledgement is recorded. */
        String command(String type, String fields) throws Exception {
            String id = send(type, fields);
            String answer = client.await("\"id\":\"" + id + "\"", 30);
            if (!answer.contains("\"type\":\"ack\"")) {
                throw new AssertionError(name + "'s " + type + " was refused: " + answer);
            }
            acked.put(id, Long.parseLong(find(answer, "\"seqs\":\\[(\\d+)")));
            return answer;
        }

        void close() {
            client.close();
        }

        /** An event arrived on this person's connection. */
        synchronized void received(String message) {
            long seq = seqOf(message);
            if (seq <= lastSeq) {
                duplicates++;
            }
            lastSeq = Math.max(lastSeq, seq);
            events.put(seq, withoutAt(message));
        }
    }

    /** A WebSocket client that keeps every text message it receives. */
    static final class Client {
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final List<String> pending = new ArrayList<>();
        final java.util.concurrent.CountDownLatch closed = new java.util.concurrent.CountDownLatch(1);
        volatile Person owner;
        WebSocket socket;

        static Client open(Node node, String sessionCookie) {
            Client client = new Client();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            if (sessionCookie != null) {
                builder.header("Cookie", "mutuality_session=" + sessionCookie);
            }
            client.socket = builder.buildAsync(
                            URI.create("ws://127.0.0.1:" + node.port + "/ws/rooms/" + code), new WebSocket.Listener() {
                                final StringBuilder partial = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    partial.append(data);
                                    if (last) {
                                        String message = partial.toString();
                                        partial.setLength(0);
                                        Person person = client.owner;
                                        if (person != null && message.contains("\"type\":\"event\"")) {
                                            person.received(message);
                                        }
                                        client.inbox.add(message);
                                    }
                                    ws.request(1);
                                    return null;
                                }

                                @Override
                                public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                                    client.closed.countDown();
                                    return null;
                                }

                                @Override
                                public void onError(WebSocket ws, Throwable error) {
                                    client.closed.countDown();
                                }
                            })
                    .join();
            return client;
        }

        synchronized void send(String text) {
            socket.sendText(text, true).join();
        }

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
                    + pending.subList(Math.max(0, pending.size() - 3), pending.size()));
        }

        /** Waits for an event containing {@code text} (already received or still to come). */
        String awaitText(String text, int seconds) throws InterruptedException {
            return await(text, seconds);
        }

        List<String> drain() {
            List<String> all = new ArrayList<>(pending);
            pending.clear();
            inbox.drainTo(all);
            return all;
        }

        void close() {
            owner = null;
            socket.abort();
        }
    }

    static long seqOf(String message) {
        Matcher m = SEQ.matcher(message);
        if (!m.find()) {
            throw new AssertionError("an event without seq: " + message);
        }
        return Long.parseLong(m.group(1));
    }

    static String withoutAt(String message) {
        return message.replaceFirst(",\"at\":\"[^\"]*\"", "");
    }

    // --- processes ---------------------------------------------------------------------------------------------

    static final class Node {
        final String name;
        final int port;
        Process process;

        Node(String name, int port) {
            this.name = name;
            this.port = port;
        }

        void start() throws Exception {
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Dquarkus.http.port=" + port,
                    "-Dquarkus.management.port=" + (port + 1000),
                    "-Dmutuality.bus=redis",
                    "-Dquarkus.redis.hosts=redis://127.0.0.1:" + redisPort,
                    "-Dmutuality.live.tick=1s",
                    "-Dmutuality.identity.join-limit-per-address=1000",
                    "-Dmutuality.live.commands-per-person=100000",
                    "-Dmutuality.registration.offer-sweep=1s",
                    "-Dquarkus.mailer.mock=true",
                    "-jar",
                    jar);
            Path dir = work.resolve("node-" + name);
            Files.createDirectories(dir);
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("app.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("node " + name + " exited while starting; see " + dir.resolve("app.log"));
                }
                try {
                    if (HTTP.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                                                    .timeout(Duration.ofSeconds(2))
                                                    .build(),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode()
                            == 200) {
                        System.out.println("  node " + name + " ready on port " + port);
                        return;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(200);
            }
            throw new AssertionError("node " + name + " was not ready in 120 s");
        }

        void kill() throws Exception {
            process.destroyForcibly(); // SIGKILL
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void startRedis() throws Exception {
        redis = new ProcessBuilder(
                        "redis-server",
                        "--port",
                        String.valueOf(redisPort),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no")
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("redis.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", redisPort)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("redis-server did not start on port " + redisPort);
    }

    static void stopRedis() throws Exception {
        redis.destroyForcibly();
        redis.waitFor(10, TimeUnit.SECONDS);
    }

    static void stopAll() {
        for (Node node : new Node[] {a, b}) {
            if (node != null && node.process != null && node.process.isAlive()) {
                node.process.destroy();
                try {
                    node.process.waitFor(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                node.process.destroyForcibly();
            }
        }
        if (redis != null) {
            redis.destroyForcibly();
        }
    }

    /** One value from the nodes' PostgreSQL database, through psql. */
    static String sql(String query) throws Exception {
        String url = System.getenv("MUTUALITY_DB_URL");
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(url);
        if (!m.find()) {
            throw new AssertionError("MUTUALITY_DB_URL is not a PostgreSQL URL: " + url);
        }
        Process psql = new ProcessBuilder(
                        "psql",
                        "-h",
                        m.group(1),
                        "-p",
                        m.group(2),
                        "-U",
                        System.getenv().getOrDefault("MUTUALITY_DB_USER", "postgres"),
                        "-d",
                        m.group(3),
                        "-tAc",
                        query)
                .redirectErrorStream(true)
                .start();
        String out = new String(psql.getInputStream().readAllBytes()).trim();
        if (psql.waitFor() != 0) {
            throw new AssertionError("psql: " + out);
        }
        return out;
    }

    // --- HTTP --------------------------------------------------------------------------------------------------

    static String signIn(Node node) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/session"))
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

    /** A session for someone else: its cookie and CSRF token. */
    static String[] signInAs(Node node, String email) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/session"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"" + email + "\",\"password\":\"together-we-learn\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("sign-in as " + email + " answered " + response.statusCode());
        }
        return new String[] {
            response.headers().allValues("set-cookie").stream()
                    .filter(c -> c.startsWith("mutuality_session="))
                    .findFirst()
                    .orElseThrow()
                    .replaceFirst("mutuality_session=([^;]*).*", "$1"),
            field(response.body(), "csrfToken")
        };
    }

    static String postAs(Node node, String path, String body, String[] session) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
                        .header("Content-Type", "application/json")
                        .header("Cookie", "mutuality_session=" + session[0])
                        .header("X-CSRF-Token", session[1])
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** Waits for a registration to reach a status. */
    static void expectStatus(String registrationId, String status, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String now = "";
        while (System.nanoTime() < deadline) {
            now = sql("select status from registration where id = '" + registrationId + "'");
            if (now.equals(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(
                "registration " + registrationId + " is " + now + ", not " + status + ", after " + seconds + " s");
    }

    /** A counter from a node's metrics (management port: the node's port + 1000). */
    static double metric(Node node, String name) throws Exception {
        String text = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (node.port + 1000) + "/q/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$")
                .matcher(text);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }

    static int signInStatus(Node node, String email) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + "/api/session"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"email\":\"" + email + "\",\"password\":\"not-the-password\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    static String get(Node node, String path) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
                                .header("Cookie", "mutuality_session=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String post(Node node, String path, String body, boolean signedIn) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port + path))
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
}
