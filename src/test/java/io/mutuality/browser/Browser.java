package io.mutuality.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright: no browser is ever downloaded. Set
 * MUTUALITY_CHROMIUM to use another executable. Where none is installed the browser tests
 * are skipped with a message; .ci/run installs Chromium, so CI always runs them.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    final List<String> policyViolations = new CopyOnWriteArrayList<>();

    private Browser(Playwright playwright, com.microsoft.playwright.Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Browser launch() {
        Path chromium = Path.of(System.getenv().getOrDefault("MUTUALITY_CHROMIUM", "/usr/bin/chromium"));
        Assumptions.assumeTrue(
                Files.isExecutable(chromium),
                "No Chromium at " + chromium + ": browser tests skipped (apt-get install chromium)");
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        com.microsoft.playwright.Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-component-update",
                                "--disable-sync")));
        return new Browser(playwright, browser);
    }

    /** A fresh browser profile (its own cookies and storage), like a separate laptop. */
    Page newPage(int width, int height) {
        BrowserContext context = browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height));
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                policyViolations.add(message.text());
            }
        });
        return page;
    }

    static void screenshot(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    /** The page as it prints (print styles, A4), saved as a PDF beside the screenshots. */
    static Path pdf(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Path file = SCREENSHOTS.resolve(name + ".pdf");
        page.pdf(new Page.PdfOptions().setPath(file).setFormat("A4").setPrintBackground(false));
        return file;
    }

    /** What the window shows, as a person sees it: the fixed top bar, a toast, no scrolling. */
    static void screenshotViewport(Page page, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(false));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
