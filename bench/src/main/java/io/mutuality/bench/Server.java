package io.mutuality.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server process under test: started in its own work directory, timed until ready, measured, stopped. */
final class Server {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Servers still running when the benchmark is stopped (a time limit, Ctrl-C) are stopped with it. */
    static final List<Process> RUNNING = java.util.Collections.synchronizedList(new ArrayList<>());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (RUNNING) {
                RUNNING.forEach(p -> p.destroy());
            }
        }));
    }

    final String name;
    final List<String> command;
    final Path work;
    final int port;
    /** Where the process runs (its work directory unless set): its log and, unless told otherwise, its files stay in work. */
    Path cwd;

    Process process;

    Server(String name, List<String> command, Path work, int port) {
        this.name = name;
        this.command = command;
        this.work = work;
        this.port = port;
    }

    /** Starts the process and returns the seconds until {@code GET /q/health/ready} answered 200 (polled every 20 ms). */
    double start(double timeoutSeconds) throws Exception {
        Files.createDirectories(work);
        long started = System.nanoTime();
        process = new ProcessBuilder(command)
                .directory((cwd != null ? cwd : work).toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        work.resolve("server.log").toFile()))
                .start();
        RUNNING.add(process);
        long deadline = started + (long) (timeoutSeconds * 1e9);
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(1))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + work.resolve("server.log"));
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + " was not ready in " + timeoutSeconds + " s");
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory now, in KB (VmRSS). */
    long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** Peak resident memory so far, in KB (VmHWM). */
    long peakRssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /** CPU time the process has used so far, in seconds (utime + stime). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    String jcmd(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        cmd.add(String.valueOf(pid()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return out;
    }

    /** Forces a full collection, then returns the heap in use in KB (from GC.heap_info), or -1. */
    long gcAndHeapKb() throws Exception {
        jcmd("GC.run");
        Thread.sleep(500);
        // G1 has one line for the heap; the serial and parallel collectors one per generation (Metaspace has no
        // "total")
        Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(jcmd("GC.heap_info"));
        long used = -1;
        while (m.find()) {
            used = Math.max(used, 0) + Long.parseLong(m.group(1));
        }
        return used;
    }

    /** The JVM's own options as it runs: what the command line gave, and what the JVM chose (heap, collector). */
    String jvmOptions() throws Exception {
        String args = "";
        for (String line : jcmd("VM.command_line").split("\n")) {
            if (line.startsWith("jvm_args:")) {
                args = line.substring("jvm_args:".length()).trim();
            }
        }
        String flags = jcmd("VM.flags");
        List<String> chosen = new ArrayList<>();
        for (String flag : flags.split("\\s+")) {
            if (flag.matches(
                    "-XX:(MaxHeapSize|InitialHeapSize|\\+Use\\w*GC|ActiveProcessorCount|MaxRAMPercentage)=?.*")) {
                chosen.add(flag);
            }
        }
        return (args.isEmpty() ? "(none)" : args) + "; chosen by the JVM: " + String.join(" ", chosen);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(work.resolve("server.log"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    static File javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toFile();
    }
}
