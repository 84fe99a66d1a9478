package io.mutuality.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * axe-core (from the web client's own npm packages, never downloaded at test time) run in a
 * page, shadow roots included. Each run's findings are written as JSON beside the screenshots
 * (CI keeps them), and the serious and critical ones are returned for the test to fail on.
 */
final class Axe {

    static final Path RESULTS = Browser.SCREENSHOTS.resolve("axe");
    private static final Path SOURCE = Path.of("frontend", "node_modules", "axe-core", "axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    private Axe() {}

    private static synchronized String source() {
        if (source == null) {
            try {
                source = Files.readString(SOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing: run npm ci in frontend/", e);
            }
        }
        return source;
    }

    /** The page's serious and critical findings, each as "rule (impact): help, at target"; every finding is saved as {name}.json. */
    static List<String> seriousOrCritical(Page page, String name) {
        // evaluated through the browser's debugging protocol, which the page's Content-Security-Policy does not govern
        page.evaluate("() => { if (!window.axe) { " + source() + "\n } }");
        String found = (String)
                page.evaluate(
                        "async () => { const r = await axe.run(document, {"
                                + " resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });"
                                + " return JSON.stringify(r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                                + " nodes: v.nodes.map(n => ({ target: n.target, html: n.html.slice(0, 300), summary: n.failureSummary })) }))); }");
        try {
            Files.createDirectories(RESULTS);
            Files.writeString(RESULTS.resolve(name + ".json"), found);
            List<String> serious = new ArrayList<>();
            for (JsonNode violation : JSON.readTree(found)) {
                String impact = violation.path("impact").asText();
                if (!impact.equals("serious") && !impact.equals("critical")) {
                    continue;
                }
                for (JsonNode node : violation.path("nodes")) {
                    serious.add(name + ": " + violation.path("id").asText() + " (" + impact + "): "
                            + violation.path("help").asText() + ", at " + node.path("target") + " "
                            + node.path("summary").asText().replace('\n', ' '));
                }
            }
            return serious;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
