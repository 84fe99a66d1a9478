import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes the packaged application's class-data sharing archive (AppCDS), APP_DIR/app-cds.jsa, from one
 * training start: the application is started with {@code -XX:ArchiveClassesAtExit} in a temporary work
 * directory (its H2 database and demo data go there), on free ports, until {@code /q/health/ready}
 * answers 200 and the web client has been served once; then it is stopped and the JVM writes the archive
 * of every class it loaded. The work directory is deleted; nothing else is written.
 *
 * <pre>java src/main/appcds/Train.java target/quarkus-app</pre>
 *
 * {@code ./mvnw package} runs it after Quarkus has built the application (skip it with
 * {@code -Dmutuality.appcds.skip}); the Dockerfile runs it again in the runtime image, whose JVM is
 * another build. The archive serves only the JVM build that wrote it and the jar at this absolute
 * path: another JVM, or the application copied elsewhere, refuses it with one warning and starts
 * without it. A training start that fails (no database to reach, say) leaves what it loaded until
 * then; one that writes no archive leaves none, and the build carries on either way. It runs with
 * no MUTUALITY_ or QUARKUS_ environment variables, so it never reaches a configured database, mail
 * server or Redis (a PostgreSQL build's training start finds no database and stops early).
 */
public final class Train {

    public static void main(String[] args) throws Exception {
        Path app = Path.of(args.length > 0 ? args[0] : "target/quarkus-app")
                .toAbsolutePath()
                .normalize();
        Path jar = app.resolve("quarkus-run.jar");
        Path archive = app.resolve("app-cds.jsa");
        if (!Files.isRegularFile(jar)) {
            System.out.println("appcds: no application at " + jar + "; no archive written");
            return;
        }
        Path work = Files.createTempDirectory("mutuality-appcds-");
        Path written = work.resolve("app-cds.jsa");
        long began = System.nanoTime();
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + written,
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + management,
                "-jar",
                jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // The training start sees none of the settings meant for the real application: with
        // MUTUALITY_DB_URL it would migrate and fill a real PostgreSQL database, with
        // QUARKUS_MAILER_HOST send the demo's emails. Built for H2, its database is in the work directory.
        builder.environment().keySet().removeIf(name -> name.startsWith("MUTUALITY_") || name.startsWith("QUARKUS_"));
        Process process = builder.directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("training.log").toFile())
                .start();
        String outcome;
        try {
            outcome = drive(process, port);
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                outcome = "it did not stop in 120 s";
            }
            Files.deleteIfExists(archive);
            if (Files.isRegularFile(written)) {
                Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING);
                System.out.printf(
                        "appcds: %s in %.1f s (%s): %d MB%n",
                        archive, (System.nanoTime() - began) / 1e9, outcome, Files.size(archive) >> 20);
            } else {
                System.out.println("appcds: no archive written (" + outcome + "); the application runs without one");
                tail(work.resolve("training.log"));
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            deleteTree(work);
        }
    }

    /** Waits for ready and asks for the web client once; says how the training start went. */
    static String drive(Process process, int port) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String base = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "the training start stopped before it was ready: a partial archive";
            }
            try {
                if (get(http, base + "/q/health/ready") == 200) {
                    get(http, base + "/");
                    get(http, base + "/q/health");
                    return "a full start";
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        return "not ready in 180 s: a partial archive";
    }

    static int get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            lines.subList(Math.max(0, lines.size() - 20), lines.size()).forEach(l -> System.out.println("  " + l));
        } catch (IOException e) {
            // no log
        }
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
