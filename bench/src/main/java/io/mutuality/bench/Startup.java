package io.mutuality.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up alone ({@code bench/run --startup N}): the application started N times in each of its
 * ways of running, the ways taking turns, each start in a fresh work directory on the whole machine
 * (not pinned). Per start: ready on a fresh database, resident memory idle 5 s later, then ready again
 * with the database in place. Prints a Markdown table of medians and spreads; writes nothing else.
 *
 * <p>The ways: {@code none} (no class-data sharing archive of the application, the JDK's own still on),
 * {@code archive} (the packaged {@code app-cds.jsa} beside the jar, the documented way), and
 * {@code archive=PATH} for any other archive (to compare how one was made).
 */
final class Startup {

    private Startup() {}

    static final class Way {
        final String name;
        final List<String> options;
        /** Run from the jar's directory (Quarkus's own archive names the jar relative to it), the database in the work directory. */
        boolean fromJarDir;

        final List<Double> fresh = new ArrayList<>();
        final List<Double> inPlace = new ArrayList<>();
        final List<Double> rssMb = new ArrayList<>();
        final List<Double> load = new ArrayList<>();

        Way(String name, List<String> options) {
            this.name = name;
            this.options = options;
        }
    }

    static int run(String appJar, int rounds, List<String> wayNames, List<String> common, int port) throws Exception {
        Path jar = Path.of(appJar).toAbsolutePath();
        Map<String, Way> ways = new LinkedHashMap<>();
        for (String name : wayNames) {
            if (name.equals("none")) {
                ways.put(name, new Way(name, List.of()));
            } else if (name.equals("archive")) {
                Path archive = jar.resolveSibling("app-cds.jsa");
                if (!Files.isRegularFile(archive)) {
                    throw new IllegalArgumentException("no archive at " + archive);
                }
                ways.put(name, new Way(name, List.of("-XX:SharedArchiveFile=" + archive)));
            } else if (name.equals("archive-from-jar-dir")) {
                Way way = new Way(name, List.of("-XX:SharedArchiveFile=app-cds.jsa"));
                way.fromJarDir = true;
                ways.put(name, way);
            } else if (name.startsWith("archive=")) {
                Path archive = Path.of(name.substring("archive=".length())).toAbsolutePath();
                ways.put(name, new Way(name, List.of("-XX:SharedArchiveFile=" + archive)));
            } else {
                throw new IllegalArgumentException("unknown way of starting: " + name);
            }
        }
        Bench.log("start-up: " + rounds + " rounds of " + ways.keySet() + ", " + Machine.describe());
        for (int round = 0; round < rounds; round++) {
            List<Way> order = new ArrayList<>(ways.values());
            // the ways take turns, and which goes first moves on each round
            java.util.Collections.rotate(order, -round);
            for (Way way : order) {
                Path work = Files.createTempDirectory("bench-start-");
                List<String> command = new ArrayList<>();
                command.add(Server.javaBin().toString());
                command.addAll(way.options);
                command.addAll(common);
                if (way.fromJarDir) {
                    command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + work.resolve("data/mutuality")
                            + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=65536");
                }
                command.addAll(List.of("-jar", jar.toString()));
                Server server = new Server("application", command, work, port);
                if (way.fromJarDir) {
                    server.cwd = jar.getParent();
                }
                try {
                    double load = loadAverage();
                    double fresh = server.start(180);
                    Thread.sleep(5000);
                    double rss = server.rssKb() / 1024.0;
                    server.stop();
                    double again = server.start(180);
                    server.stop();
                    String log = Files.readString(work.resolve("server.log"));
                    if (log.contains("Unable to use shared archive")) {
                        throw new IllegalStateException(way.name + ": the JVM refused the archive");
                    }
                    way.fresh.add(fresh);
                    way.inPlace.add(again);
                    way.rssMb.add(rss);
                    way.load.add(load);
                    Bench.log(String.format(
                            "round %d, %s: ready %.2f s fresh, %.2f s database in place; idle %.0f MB; load %.2f",
                            round + 1, way.name, fresh, again, rss, load));
                } catch (Exception e) {
                    Bench.log("round " + (round + 1) + ", " + way.name + ": FAILED: " + e + "\n" + server.logTail(30));
                    return 1;
                } finally {
                    server.stop();
                    Bench.deleteQuietly(work);
                }
            }
        }
        StringBuilder s = new StringBuilder();
        s.append("| way of starting | ready, fresh database: median (min–max) | ready, database in place | "
                + "resident memory idle | load average (1 min) at the starts |\n");
        s.append("|---|---|---|---|---|\n");
        for (Way way : ways.values()) {
            s.append(String.format(
                    "| %s | %s | %s | %s | %s |%n",
                    way.name,
                    spread(way.fresh, "%.2f s"),
                    spread(way.inPlace, "%.2f s"),
                    spread(way.rssMb, "%.0f MB"),
                    spread(way.load, "%.1f")));
        }
        System.out.println();
        System.out.print(s);
        return 0;
    }

    static String spread(List<Double> values, String format) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return "–";
        }
        double median = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return String.format(format, median) + " ("
                + String.format(format, v[0]).replaceAll(" .*", "") + "–"
                + String.format(format, v[v.length - 1]).replaceAll(" .*", "") + ")";
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static List<String> split(String ways) {
        return Arrays.asList(ways.split(","));
    }
}
