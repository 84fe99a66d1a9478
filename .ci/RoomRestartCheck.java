import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CI check that a restart loses nothing acknowledged in a live room. Run with JDK 17's
 * single-file launcher, twice around a restart of the application:
 *   java .ci/RoomRestartCheck.java before BASE STATEFILE   (answers a check-in, records it)
 *   java .ci/RoomRestartCheck.java after  BASE STATEFILE   (reconnects, checks the answer, closes the round)
 */
public class RoomRestartCheck {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String phase = args[0];
        String base = args[1];
        Path stateFile = Path.of(args[2]);
        String cookie = signIn(base);
        if (phase.equals("before")) {
            String csrf = field(lastBody, "csrfToken");
            String org = find(
                    get(base + "/api/organisations", cookie),
                    "\"id\":\"([^\"]+)\",\"slug\":\"tideway-peer-collective\"");
            String cohort = find(
                    get(base + "/api/organisations/" + org + "/cohorts", cookie),
                    "\"id\":\"([^\"]+)\",\"organisationId\"");
            String room = post(
                    base + "/api/organisations/" + org + "/cohorts/" + cohort + "/days/1/room?early=true",
                    cookie,
                    csrf,
                    "");
            String code = field(room, "code");
            String joined = post(
                    base + "/api/rooms/" + code + "/participants", null, null, "{\"displayName\":\"Restart Ria\"}");
            String token = field(joined, "token");

            Client trainer = Client.open(base, code, cookie);
            trainer.send("{\"v\":1,\"type\":\"hello\",\"id\":\"h1\",\"lastSeq\":0}");
            trainer.await("\"type\":\"synced\"");
            Client ria = Client.open(base, code, null);
            ria.send("{\"v\":1,\"type\":\"hello\",\"id\":\"h1\",\"token\":\"" + token + "\",\"lastSeq\":0}");
            ria.await("\"type\":\"synced\"");
            trainer.send(
                    "{\"v\":1,\"type\":\"checkin.start\",\"id\":\"start-1\",\"prompt\":\"Across a restart\",\"visibility\":\"everyone\"}");
            String started = ria.await("\"kind\":\"checkin.started\"");
            String checkin = find(started, "\"checkinId\":\"([^\"]+)\"");
            ria.send("{\"v\":1,\"type\":\"checkin.answer\",\"id\":\"answer-1\",\"checkinId\":\"" + checkin
                    + "\",\"word\":\"durable\",\"energy\":4}");
            ria.await("\"type\":\"ack\",\"id\":\"answer-1\"");
            long seq = ria.lastSeq();
            Files.writeString(stateFile, String.join("\n", code, token, checkin, Long.toString(seq)));
            System.out.println("before restart: answer acknowledged in room " + code + " at seq " + seq);
        } else {
            List<String> state = Files.readAllLines(stateFile);
            String code = state.get(0);
            String token = state.get(1);
            String checkin = state.get(2);
            Client ria = Client.open(base, code, null);
            ria.send("{\"v\":1,\"type\":\"hello\",\"id\":\"h2\",\"token\":\"" + token + "\",\"lastSeq\":0}");
            ria.await("\"type\":\"synced\"");
            if (ria.all().stream().noneMatch(m -> m.contains("\"word\":\"durable\""))) {
                throw new AssertionError("the acknowledged answer is missing after the restart");
            }
            // a retried command keeps its first answer across the restart
            ria.send("{\"v\":1,\"type\":\"checkin.answer\",\"id\":\"answer-1\",\"checkinId\":\"" + checkin
                    + "\",\"word\":\"durable\",\"energy\":4}");
            ria.await("\"type\":\"ack\",\"id\":\"answer-1\"");
            Client trainer = Client.open(base, code, signIn(base));
            trainer.send("{\"v\":1,\"type\":\"hello\",\"id\":\"h2\",\"lastSeq\":0}");
            trainer.await("\"type\":\"synced\"");
            trainer.send("{\"v\":1,\"type\":\"checkin.close\",\"id\":\"close-1\",\"checkinId\":\"" + checkin + "\"}");
            String closed = ria.await("\"kind\":\"checkin.closed\"");
            if (!closed.contains("\"answers\":1")) {
                throw new AssertionError("the round did not continue with its answer: " + closed);
            }
            System.out.println(
                    "after restart: the answer was there, the retry kept its first answer, the round closed with it");
        }
        System.exit(0);
    }

    static String lastBody;

    static String signIn(String base) throws Exception {
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
        lastBody = response.body();
        return response.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("mutuality_session="))
                .findFirst()
                .orElseThrow()
                .replaceFirst("mutuality_session=([^;]*).*", "$1");
    }

    static String get(String url, String cookie) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Cookie", "mutuality_session=" + cookie)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    static String post(String url, String cookie, String csrf, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", "mutuality_session=" + cookie).header("X-CSRF-Token", csrf);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
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

    static final class Client {
        final LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();
        WebSocket socket;

        static Client open(String base, String code, String cookie) {
            Client client = new Client();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder();
            if (cookie != null) {
                builder.header("Cookie", "mutuality_session=" + cookie);
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

        void send(String text) {
            socket.sendText(text, true).join();
        }

        String await(String contains) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (String message : seen) {
                if (message.contains(contains)) {
                    return message;
                }
            }
            while (System.nanoTime() < deadline) {
                String message = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (message != null) {
                    seen.add(message);
                    if (message.contains(contains)) {
                        return message;
                    }
                }
            }
            throw new AssertionError("waited 10 s for " + contains + "; got " + seen);
        }

        List<String> all() {
            String message;
            while ((message = inbox.poll()) != null) {
                seen.add(message);
            }
            return seen;
        }

        long lastSeq() {
            return all().stream()
                    .filter(m -> m.contains("\"type\":\"event\""))
                    .mapToLong(m -> Long.parseLong(find(m, "\"seq\":(\\d+)")))
                    .max()
                    .orElse(0);
        }
    }
}
