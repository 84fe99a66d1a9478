package io.mutuality.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mutuality.TestData;
import io.mutuality.demo.DemoConfig;
import io.mutuality.demo.DemoData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The journeys a person takes, in a real browser, under the production security headers. */
@QuarkusTest
class BrowserJourneysTest {

    @TestHTTPResource("/")
    URL root;

    private static Browser browser;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private void signIn(Page page, String email, String password) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void anAdminSignsInAndSeesTheOrganisationsCohorts() {
        Page page = browser.newPage(1280, 800);
        page.navigate(url("/organisation"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to carry on")).click();
        page.getByLabel("Email").fill(DemoData.ADMIN_EMAIL);
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("don't go together");

        page.getByLabel("Password").fill(DemoConfig.PUBLIC_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        assertThat(page.getByText("Sam Okafor (lead)")).isVisible();
        Browser.screenshot(page, "organisation-cohorts");
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }

    @Test
    void aParticipantJoinsWithACodeTheirNameStaysTextAndTheyCanErase() {
        String code = TestData.demoRoomCode();
        String name = "<img src=x onerror=alert(1)>";
        Page page = browser.newPage(390, 844);
        page.navigate(url("/join"));
        page.getByLabel("Room code").fill(code.substring(0, 3).toLowerCase() + " " + code.substring(3));
        page.getByLabel("Your name in the room").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the room")).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You're in"))).isVisible();
        assertThat(page.getByText(name).first()).isVisible();
        assertThat(page.locator("img[src='x']")).hasCount(0);
        Browser.screenshot(page, "participant-joined");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase what I wrote")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, erase it")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Erased"))).isVisible();
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }

    @Test
    void aTrainerBrowsesTheCoreCurriculumReadsNotesAndPrintsADay() {
        Page page = browser.newPage(1280, 900);
        signIn(page, DemoData.TRAINER_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        page.navigate(url("/curricula/core"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("IPS Core Training"))).isVisible();
        Browser.screenshot(page, "curriculum-core");

        String firstModule = io.restassured.RestAssured.given().get("/api/curricula/courses/core").then().extract()
                .path("days[0].agenda.find { it.kind == 'module' }.moduleId");
        page.navigate(url("/curricula/modules/" + firstModule));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What participants read")))
                .isVisible();
        Browser.screenshot(page, "curriculum-module");

        page.navigate(url("/curricula/core/days/1/print"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Day 1 of 5").setExact(false)))
                .isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))).isHidden();
        Browser.screenshot(page, "curriculum-day-print");
        try {
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] pdf = page.pdf(new Page.PdfOptions().setFormat("A4")
                .setPath(Browser.SCREENSHOTS.resolve("curriculum-day-1.pdf")));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }

    private Page participantJoins(String code, String name) {
        Page page = browser.newPage(1280, 900);
        page.navigate(url("/join"));
        page.getByLabel("Room code").fill(code);
        page.getByLabel("Your name in the room").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the room")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the room")).click();
        return page;
    }

    @Test
    void aFacilitatorRunsACheckInWhereOneParticipantAnswersAndOnePasses() {
        String code = TestData.demoRoomCode();
        Page console = browser.newPage(1280, 1000);
        signIn(console, DemoData.TRAINER_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        console.navigate(url("/facilitator/rooms/" + TestData.organisationId() + "/" + TestData.demoCohortId() + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here"))).isVisible();

        Page ana = participantJoins(code, "Ana");
        Page ben = participantJoins(code, "Ben");
        assertThat(console.getByText("Ben").first()).isVisible();

        console.getByLabel("The prompt people will see").fill("One word for how you arrive today. You can pass.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in")).click();

        assertThat(ana.getByText("One word for how you arrive today").first()).isVisible();
        ana.getByLabel("A word").fill("curious");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my answer")).click();
        assertThat(ben.getByText("One word for how you arrive today").first()).isVisible();
        ben.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pass")).click();

        assertThat(console.getByText("2 of 2 participants here have responded.")).isVisible();
        assertThat(console.getByText("curious").first()).isVisible();
        assertThat(ben.getByText("curious").first()).isVisible();
        Browser.screenshot(console, "live-facilitator-console");
        Browser.screenshot(ana, "live-participant-answered");
        Browser.screenshot(ben, "live-participant-passed");
        assertThat(browser.policyViolations).isEmpty();
        ana.context().close();
        ben.context().close();
        console.context().close();
    }

    @Test
    void anAdminInvitesATrainerFromTheMembersPage() {
        Page page = browser.newPage(1280, 900);
        signIn(page, DemoData.ADMIN_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        page.navigate(url("/organisation/members"));
        String email = "browser-invite-" + System.nanoTime() + "@example.test";
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation")).click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Invitations"))
                .getByRole(AriaRole.LISTITEM).filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(email)))
                .hasCount(1);
        assertThat(page.getByText("Róisín Byrne").first()).isVisible();
        Browser.screenshot(page, "members");
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }
}
