package io.mutuality.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU used by other processes on the machine while a server was measured (a build or a test run
 * beside the benchmark skews it). Processes that both started and ended in between are missed, so
 * this is a lower bound.
 */
final class Others {

    private final Map<Long, Long> start;
    private final long began = System.nanoTime();

    Others() {
        start = snapshot();
    }

    static Map<Long, Long> snapshot() {
        Map<Long, Long> jiffies = new HashMap<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            dirs.filter(d -> d.getFileName().toString().matches("\\d+")).forEach(d -> {
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    jiffies.put(
                            Long.parseLong(d.getFileName().toString()),
                            Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (Exception gone) {
                    // ended meanwhile
                }
            });
        } catch (Exception e) {
            // not Linux
        }
        return jiffies;
    }

    /** Average cores used by processes other than these since this was made. */
    double cores(Set<Long> ours) {
        Map<Long, Long> end = snapshot();
        long used = 0;
        for (Map.Entry<Long, Long> e : end.entrySet()) {
            if (!ours.contains(e.getKey())) {
                used += e.getValue() - start.getOrDefault(e.getKey(), 0L);
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        return seconds <= 0 ? 0 : used / 100.0 / seconds;
    }
}
