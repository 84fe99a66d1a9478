package io.mutuality.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the run was on: processors, CPU model, memory, Java. */
final class Machine {

    private Machine() {}

    static String describe() {
        int cpus = 0;
        String model = "unknown CPU";
        long memKb = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("processor")) {
                    cpus++;
                } else if (line.startsWith("model name") && model.equals("unknown CPU")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        String java = "unknown Java";
        try {
            Process p = new ProcessBuilder(Server.javaBin().toString(), "-version")
                    .redirectErrorStream(true)
                    .start();
            String[] lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n");
            p.waitFor();
            java = lines.length > 2
                    ? lines[0].trim() + "; " + lines[2].trim()
                    : String.join("; ", lines).trim();
        } catch (Exception e) {
            // leave unknown
        }
        return Report.f(
                "%d logical CPUs (%s), %.0f GiB of memory, %s", cpus, model, memKb / 1048576.0, java.replace("\"", ""));
    }
}
