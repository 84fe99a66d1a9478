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

    private Journey journey;

    private String url(String path) {
        return journey().url(path);
    }

    private Journey journey() {
        if (journey == null) {
            journey = new Journey(root, browser);
        }
        return journey;
    }

    private void signIn(Page page, String email, String password) {
        journey().signIn(page, email, password);
    }

    @Test
    void aTrainerPrintsAModulesMaterialsAndTheLetterBeforeTheCourse() throws Exception {
        Page page = browser.newPage(1366, 768);
        signIn(page, DemoData.TRAINER_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();

        page.navigate(url("/curricula/modules/adv-crisis-conversations"));
        page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions()
                                .setName("Print its cards and sheets")
                                .setExact(false))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Materials to print")))
                .isVisible();
        assertThat(page.locator("[data-test='card']").first()).isVisible();
        java.nio.file.Path materials = Browser.pdf(page, "materials-adv-crisis-conversations");
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readAllBytes(materials))
                .startsWith("%PDF".getBytes());

        page.navigate(url("/curricula/core"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The letter to send before the course"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Letter before the course")))
                .isVisible();
        assertThat(page.locator("[data-test='letter']")).isVisible();
        java.nio.file.Path letter = Browser.pdf(page, "letter-core");
        org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.size(letter))
                .isGreaterThan(1000);
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }

    @Test
    void anAdminSignsInAndSeesTheOrganisationsCohorts() {
        Page page = browser.newPage(1280, 800);
        page.navigate(url("/organisation"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in to carry on"))
                .click();
        page.getByLabel("Email").fill(DemoData.ADMIN_EMAIL);
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("don't go together");

        page.getByLabel("Password").fill(DemoConfig.PUBLIC_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        // other journeys may have planned cohorts with the same lead by now
        assertThat(page.getByText("Sam Okafor (lead)").first()).isVisible();
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
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the room"))
                .click();

        // joining goes straight into the room
        assertThat(page.getByText("You're here as")).isVisible();
        assertThat(page.getByText(name).first()).isVisible();
        assertThat(page.locator("img[src='x']")).hasCount(0);
        Browser.screenshot(page, "participant-joined");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your place and what you wrote"))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You're in")))
                .isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase what I wrote"))
                .first()
                .click();
        page.locator("[data-confirm-erase]").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Erased")))
                .isVisible();
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }

    @Test
    void aTrainerBrowsesTheCoreCurriculumReadsNotesAndPrintsADay() {
        Page page = browser.newPage(1280, 900);
        signIn(page, DemoData.TRAINER_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        page.navigate(url("/curricula/core"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("IPS Core Training")))
                .isVisible();
        Browser.screenshot(page, "curriculum-core");

        String firstModule = io.restassured.RestAssured.given()
                .get("/api/curricula/courses/core")
                .then()
                .extract()
                .path("days[0].agenda.find { it.kind == 'module' }.moduleId");
        page.navigate(url("/curricula/modules/" + firstModule));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("What participants read")))
                .isVisible();
        assertThat(page.getByRole(
                                AriaRole.LINK,
                                new Page.GetByRoleOptions()
                                        .setName("IPS Core Training")
                                        .setExact(true))
                        .first())
                .hasAttribute("href", "/curricula/core");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("day 1 of IPS Core Training")))
                .hasAttribute("href", "/curricula/core/days/1");
        Browser.screenshot(page, "curriculum-module");

        page.navigate(url("/curricula/core/days/1/print"));
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Day 1 of 5").setExact(false)))
                .isVisible();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(com.microsoft.playwright.options.Media.PRINT));
        assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main")))
                .isHidden();
        Browser.screenshot(page, "curriculum-day-print");
        try {
            java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        byte[] pdf = page.pdf(
                new Page.PdfOptions().setFormat("A4").setPath(Browser.SCREENSHOTS.resolve("curriculum-day-1.pdf")));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }

    private Page participantJoins(String code, String name) {
        return journey().participantJoins(code, name);
    }

    @Test
    void aFacilitatorRunsACheckInWhereOneParticipantAnswersAndOnePasses() {
        String code = TestData.demoRoomCode();
        Page console = browser.newPage(1280, 1000);
        signIn(console, DemoData.TRAINER_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(console.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        console.navigate(url("/facilitator/rooms/" + TestData.organisationId() + "/" + TestData.demoCohortId() + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here")))
                .isVisible();

        Page ana = participantJoins(code, "Ana");
        Page ben = participantJoins(code, "Ben");
        assertThat(console.getByText("Ben").first()).isVisible();

        console.getByLabel("The prompt people will see").fill("One word for how you arrive today. You can pass.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();

        assertThat(ana.getByText("One word for how you arrive today").first()).isVisible();
        ana.getByLabel("A word").fill("curious");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my answer"))
                .click();
        assertThat(ben.getByText("One word for how you arrive today").first()).isVisible();
        ben.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Pass"))
                .click();

        assertThat(console.getByText("2 of 2 participants here have responded."))
                .isVisible();
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

    private String[] freshRoom() {
        return journey().freshRoom(scheduling, identity);
    }

    @jakarta.inject.Inject
    io.mutuality.scheduling.SchedulingService scheduling;

    @jakarta.inject.Inject
    io.mutuality.identity.IdentityService identity;

    private static com.microsoft.playwright.Locator test(Page page, String name) {
        return Journey.test(page, name);
    }

    @Test
    void aRolePlayRoundAndAReframingRoundWithThreeParticipants() {
        String[] room = freshRoom();
        Page console = browser.newPage(1280, 1100);
        journey().signInAndWait(console, room[2], TestData.PASSWORD);
        console.navigate(url("/facilitator/rooms/" + TestData.organisationId() + "/" + room[0] + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here")))
                .isVisible();
        java.util.List<Page> people = new java.util.ArrayList<>();
        for (String name : java.util.List.of("Ana", "Ben", "Chi")) {
            people.add(participantJoins(room[1], name));
        }
        assertThat(console.getByText("Chi").first()).isVisible();

        // the facilitator launches a role-play in threes with a scenario from the bank
        Page ana = people.get(0);
        com.microsoft.playwright.Locator basis = test(console, "roleplay-basis");
        if (basis.count() > 0) {
            basis.and(console.locator("[value=ad-hoc]")).check();
        }
        chooseFromTheBank(console, "roleplay-scenario", "tiptoeing", "respite-too-quiet");
        test(console, "roleplay-rounds").fill("3");
        test(console, "roleplay-minutes").fill("5");
        test(console, "roleplay-launch-submit").click();
        assertThat(test(console, "roleplay-start")).isVisible();
        test(console, "roleplay-start").click();

        // each participant sees their group, the scenario and their own card, and one clock
        java.util.Set<String> roles = new java.util.HashSet<>();
        for (Page page : people) {
            assertThat(test(page, "role-card")).hasCount(1);
            assertThat(test(page, "roleplay-shared")).isVisible();
            assertThat(test(page, "roleplay-clock").first()).isVisible();
            roles.add(test(page, "role-card").getAttribute("data-role"));
        }
        assertThat(roles).containsExactlyInAnyOrder("person-sharing", "peer-supporter", "observer");
        assertThat(test(console, "roleplay-status-board")).isVisible();
        Browser.screenshot(console, "roleplay-facilitator-status-board");
        for (int i = 0; i < people.size(); i++) {
            Browser.screenshot(people.get(i), "roleplay-participant-" + (i + 1));
        }

        // the observer leaves a note on a moment; the people observed see it
        Page observer = people.stream()
                .filter(p -> "observer".equals(test(p, "role-card").getAttribute("data-role")))
                .findFirst()
                .orElseThrow();
        test(observer, "roleplay-note-task")
                .and(observer.locator("[value=connection]"))
                .check();
        test(observer, "roleplay-note-moment")
                .fill("When you sat down beside her, the conversation slowed and opened.");
        test(observer, "roleplay-note-submit").click();
        Page observed = people.stream().filter(p -> p != observer).findFirst().orElseThrow();
        assertThat(test(observed, "roleplay-note").first()).containsText("the conversation slowed and opened");
        Browser.screenshot(observed, "roleplay-note-received");

        test(console, "roleplay-group-debrief").click();
        test(console, "roleplay-end").click();
        if (test(console, "roleplay-end-confirm").count() > 0) {
            test(console, "roleplay-end-confirm").click();
        }

        // reframing: a statement from the bank, private rewrites with the lens, then sharing by choice
        chooseFromTheBank(console, "reframe-bank-statement", "schizophrenic", "reframe-schizophrenic");
        test(console, "reframe-launch-submit").click();
        for (Page page : people) {
            assertThat(test(page, "reframe-rewrite").first()).isVisible();
        }
        test(ana, "reframe-rewrite").first().fill("He is a schizophrenic man");
        assertThat(test(ana, "lens-mark").first()).isVisible();
        Browser.screenshot(ana, "reframe-lens-as-you-type");
        test(ana, "reframe-rewrite")
                .first()
                .fill("He lives on his own. I would like to hear what that is like for him.");
        test(ana, "reframe-keep").first().click();
        test(people.get(1), "reframe-rewrite").first().fill("Something has happened that I don't know about yet.");
        test(people.get(1), "reframe-keep").first().click();
        test(people.get(2), "reframe-rewrite").first().fill("CHI keeps this one private.");
        test(people.get(2), "reframe-keep").first().click();
        assertThat(ana.getByText("Kept. Only you see it.").first()).isVisible();
        assertThat(people.get(2).getByText("Kept. Only you see it.").first()).isVisible();

        test(console, "reframe-reveal").click();
        test(ana, "reframe-share-named").first().click();
        test(people.get(1), "reframe-share-anonymous").first().click();
        test(people.get(2), "reframe-share-none").first().click();
        for (Page page : java.util.List.of(console, ana, people.get(1), people.get(2))) {
            assertThat(test(page, "reframe-entry")).hasCount(2);
            assertThat(test(page, "reframe-board")).not().containsText("CHI keeps this one private");
        }
        assertThat(test(people.get(2), "reframe-board")).containsText("I would like to hear what that is like for him");
        test(people.get(2), "reframe-resonate").first().click();
        Browser.screenshot(console, "reframe-facilitator-board");
        Browser.screenshot(people.get(2), "reframe-participant-board");
        assertThat(browser.policyViolations).isEmpty();
        people.forEach(p -> p.context().close());
        console.context().close();
    }

    /** True when the page is wider than the window: the page scrolls sideways. */
    private static boolean scrollsSideways(Page page) {
        return Journey.scrollsSideways(page);
    }

    private static void chooseFromTheBank(Page console, String picker, String words, String id) {
        Journey.chooseFromTheBank(console, picker, words, id);
    }

    /** What reaches past the window's right edge (through shadow roots), deepest last: to say why a page scrolls sideways. */
    private static String pastTheRightEdge(Page page) {
        return (String) page.evaluate("""
                () => {
                  const found = [];
                  const walk = (root) => {
                    for (const el of root.querySelectorAll('*')) {
                      const box = el.getBoundingClientRect();
                      if (box.width > 0 && box.right > window.innerWidth + 1) {
                        const test = el.getAttribute('data-test');
                        const kind = el.getAttribute('class');
                        found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (kind ? '.' + kind.trim().split(/ +/).join('.') : '')
                          + (test ? '[' + test + ']' : '') + ' to ' + Math.round(box.right));
                      }
                      if (el.shadowRoot) walk(el.shadowRoot);
                    }
                  };
                  walk(document);
                  return found.join(', ');
                }""");
    }

    private static void launchAndStartARolePlay(Page console) {
        com.microsoft.playwright.Locator basis = test(console, "roleplay-basis");
        if (basis.count() > 0) {
            basis.and(console.locator("[value=ad-hoc]")).check();
        }
        chooseFromTheBank(console, "roleplay-scenario", "tiptoeing", "respite-too-quiet");
        test(console, "roleplay-rounds").fill("3");
        test(console, "roleplay-minutes").fill("5");
        test(console, "roleplay-launch-submit").click();
        test(console, "roleplay-start").click();
    }

    @Test
    void
            onALaptopTheConsoleFitsAThreeMinuteTimerIsOneClickAwayDuringARolePlayAHelpSignalIsSeenAndTheEndOfTheDayIsRight() {
        String[] room = freshRoom();
        Page console = browser.newPage(1366, 768);
        journey().signInAndWait(console, room[2], TestData.PASSWORD);
        console.navigate(url("/facilitator/rooms/" + TestData.organisationId() + "/" + room[0] + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here")))
                .isVisible();
        assertThat(console).hasTitle(java.util.regex.Pattern.compile("^Room [A-Z0-9]{3} [A-Z0-9]{3} · Mutuality$"));
        assertThat(scrollsSideways(console))
                .as("the console scrolls sideways at 1366×768")
                .isFalse();
        console.setViewportSize(1280, 800);
        assertThat(scrollsSideways(console))
                .as("the console scrolls sideways at 1280×800")
                .isFalse();
        console.setViewportSize(1366, 768);
        Browser.screenshot(console, "console-1366-check-in");

        java.util.List<Page> people = new java.util.ArrayList<>();
        for (String name : java.util.List.of("Ana", "Ben", "Chi")) {
            people.add(participantJoins(room[1], name));
        }
        assertThat(test(console, "here-count")).containsText("3 here");
        launchAndStartARolePlay(console);
        for (Page page : people) {
            assertThat(test(page, "role-card")).hasCount(1);
            assertThat(test(page, "now-activity")).containsText("A role-play is running");
        }
        assertThat(scrollsSideways(console))
                .as("the console scrolls sideways during a role-play")
                .isFalse();

        // wherever the facilitator has scrolled to, the 3-minute timer is in view: one click starts it
        console.evaluate("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        com.microsoft.playwright.Locator three = console.locator("[data-quick=\"180\"]");
        com.microsoft.playwright.options.BoundingBox box = three.boundingBox();
        assertThat(box).isNotNull();
        assertThat(box.y).isGreaterThanOrEqualTo(0);
        assertThat(box.y + box.height).isLessThanOrEqualTo(768);
        assertThat(box.x + box.width).isLessThanOrEqualTo(1366);
        three.click();
        for (Page page : people) {
            assertThat(page.locator("[data-timer] [role=timer]").first())
                    .hasText(
                            java.util.regex.Pattern.compile("^(3:00|2:5\\d)$"),
                            new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                                    .setTimeout(1000));
        }
        Browser.screenshot(console, "console-1366-role-play-timer");
        Browser.screenshotViewport(console, "console-1366-role-play-timer-viewport");

        // a group asks for a facilitator: a toast and the tab's title, within a second, until someone goes to them
        test(people.get(0), "roleplay-help").click();
        assertThat(test(console, "help-toast"))
                .isVisible(
                        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(1000));
        assertThat(console)
                .hasTitle(
                        java.util.regex.Pattern.compile("^\\(1\\) A group would like a facilitator · Room .*"),
                        new com.microsoft.playwright.assertions.PageAssertions.HasTitleOptions().setTimeout(1000));
        Browser.screenshotViewport(console, "console-1366-help-toast");
        test(console, "help-toast").getByRole(AriaRole.BUTTON).first().click();
        assertThat(test(console, "help-toast")).hasCount(0);
        assertThat(console).hasTitle(java.util.regex.Pattern.compile("^Room [A-Z0-9]{3} [A-Z0-9]{3} · Mutuality$"));

        // the end of the day: every clock stops, attendance closes and the summary counts everyone, without a refresh
        console.locator("#end-day").click();
        console.locator("[data-confirm-end]").click();
        assertThat(console.locator(".ended")).containsText("This day has ended");
        assertThat(console.locator("[data-timer]")).hasCount(0);
        assertThat(console.locator("mut-room-attendance").getByText("left at the end of the day"))
                .hasCount(3);
        assertThat(console.locator("mut-day-summary")).containsText("3 participants");
        for (Page page : people) {
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today's training day has ended")))
                    .isVisible();
        }
        Browser.screenshot(console, "console-1366-day-ended");
        assertThat(browser.policyViolations).isEmpty();
        people.forEach(p -> p.context().close());
        console.context().close();
    }

    @Test
    void onAPhoneAParticipantsHalfWrittenAnswerSurvivesAClosedTabIsGoneOnceSentAndTheyHearWhenTheNetworkDrops() {
        String[] room = freshRoom();
        Page console = browser.newPage(1366, 768);
        journey().signInAndWait(console, room[2], TestData.PASSWORD);
        console.navigate(url("/facilitator/rooms/" + TestData.organisationId() + "/" + room[0] + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here")))
                .isVisible();

        Page ana = browser.newPage(390, 844);
        ana.navigate(url("/join"));
        ana.getByLabel("Room code").fill(room[1]);
        ana.getByLabel("Your name in the room").fill("Ana");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the room"))
                .click();
        assertThat(ana.getByText("You're here as")).isVisible();
        // a minimal layout: no staff navigation; the room, the person's name, the way to their data
        assertThat(ana.getByRole(AriaRole.NAVIGATION)).hasCount(0);
        assertThat(ana.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your place and what you wrote")))
                .isVisible();
        assertThat(ana).hasTitle("Room " + room[1].substring(0, 3) + " " + room[1].substring(3) + " · Mutuality");

        console.getByLabel("The prompt people will see").fill("One word for how you arrive today. You can pass.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();
        ana.getByLabel("A sentence").fill("Half of what I want to");
        assertThat(scrollsSideways(ana))
                .as("the participant's room scrolls sideways at 390×844")
                .isFalse();
        Browser.screenshot(ana, "participant-room-phone");

        // the tab is closed and the room opened again in a new one: the words are there
        com.microsoft.playwright.BrowserContext phone = ana.context();
        ana.close();
        ana = phone.newPage();
        ana.navigate(url("/room"));
        assertThat(ana.getByLabel("A sentence")).hasValue("Half of what I want to");
        ana.reload();
        assertThat(ana.getByLabel("A sentence")).hasValue("Half of what I want to");

        // the network drops: said within 5 seconds, and the words stay
        phone.setOffline(true);
        assertThat(ana.getByText("Reconnecting, your text is kept").first())
                .isVisible(
                        new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(5000));
        Browser.screenshot(ana, "participant-room-offline");
        phone.setOffline(false);
        assertThat(ana.getByText("Reconnecting, your text is kept"))
                .hasCount(
                        0,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(10_000));

        ana.getByLabel("A sentence").fill("Half of what I want to say, and the rest.");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my answer"))
                .click();
        assertThat(ana.getByText("You answered:")).isVisible();
        assertThat(ana.locator(".chosen.mine")).isFocused();
        Object kept = ana.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('mutuality.room-drafts:'))"
                + ".map(k => JSON.parse(localStorage.getItem(k)).answer).filter(Boolean).length");
        assertThat(((Number) kept).intValue())
                .as("answer drafts left after the answer was acknowledged")
                .isZero();
        ana.reload();
        assertThat(ana.getByText("You answered:")).isVisible();
        assertThat(console.getByText("1 of 1 participant here has responded.")).isVisible();
        assertThat(browser.policyViolations).isEmpty();
        phone.close();
        console.context().close();
    }

    @Test
    void theProjectorViewShowsASharedCheckInWordWithinASecondAndNeverAFacilitatorOnlyAnswer() {
        String[] room = freshRoom();
        Page console = browser.newPage(1366, 768);
        journey().signInAndWait(console, room[2], TestData.PASSWORD);
        console.navigate(url("/facilitator/rooms/" + TestData.organisationId() + "/" + room[0] + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here")))
                .isVisible();
        // the console opens it in a new window (same browser, so the same facilitator)
        Page projector = console.context()
                .waitForPage(() -> test(console, "open-projector").click());
        projector.setViewportSize(1366, 768);
        assertThat(test(projector, "present-code")).containsText(room[1].substring(0, 3) + " " + room[1].substring(3));
        Page ana = participantJoins(room[1], "Ana");
        assertThat(console.getByText("Ana").first()).isVisible();

        console.getByLabel("The prompt people will see").fill("Only for the facilitators: how are you, really?");
        console.locator("input[name=visibility][value=facilitators]").check();
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();
        ana.getByLabel("A word").fill("PRIVATEWORD");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my answer"))
                .click();
        assertThat(console.getByText("PRIVATEWORD").first()).isVisible();
        assertThat(test(projector, "present-checkin")).containsText("The answers go to the facilitators only.");
        console.locator("[data-close]").click();

        console.getByLabel("The prompt people will see").fill("One word for the room.");
        console.locator("input[name=visibility][value=everyone]").check();
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();
        ana.getByLabel("A word").fill("SHAREDWORD");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my answer"))
                .click();
        assertThat(test(projector, "present-checkin"))
                .containsText(
                        "SHAREDWORD",
                        new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                .setTimeout(1000));
        assertThat(projector.locator("body")).not().containsText("PRIVATEWORD");
        assertThat(projector.getByRole(AriaRole.NAVIGATION)).hasCount(0);
        assertThat(scrollsSideways(projector)).isFalse();
        Browser.screenshotViewport(projector, "projector-view");
        Object codeFits = projector.evaluate("() => { const host = document.querySelector('mut-app').shadowRoot"
                + ".querySelector('mut-present').shadowRoot; const code = host.querySelector('[data-test=present-code]');"
                + " return code.scrollWidth <= code.clientWidth; }");
        assertThat(codeFits).as("the join code fits its card").isEqualTo(true);
        assertThat(browser.policyViolations).isEmpty();
        ana.context().close();
        console.context().close();
    }

    /** A completed Core here for {@code email}: a past cohort, every day attended, its certificate issued. */
    private void completedCore(String name, String email) {
        String days = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> "{\"date\": \""
                        + java.time.LocalDate.parse("2025-03-03").plusDays(i)
                        + "\", \"startsAt\": \"09:30\", \"endsAt\": \"16:30\"}")
                .collect(java.util.stream.Collectors.joining(","));
        String location = TestData.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(
                        "{\"courseId\": \"core\", \"title\": \"Core, spring 2025\", \"capacity\": 10, \"venue\": {\"name\": \"Hall\"}, "
                                + "\"days\": [" + days + "]}")
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String core = TestData.cohortsPath() + "/" + location.substring(location.lastIndexOf('/') + 1);
        io.mutuality.identity.Account trainer = identity.openAccount(
                "core-" + java.util.UUID.randomUUID() + "@example.test", "Ira Trainer", TestData.PASSWORD);
        identity.grant(
                trainer.id(), java.util.UUID.fromString(TestData.organisationId()), io.mutuality.identity.Role.TRAINER);
        TestData.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("accountId", trainer.id().value().toString(), "lead", false))
                .post(core + "/trainers")
                .then()
                .statusCode(200);
        TestData.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("name", name, "email", email))
                .post(core + "/registrations")
                .then()
                .statusCode(201);
        String id =
                TestData.admin().get(core + "/registrations").then().extract().path("confirmed[0].id");
        for (int day = 1; day <= 5; day++) {
            TestData.admin()
                    .contentType(io.restassured.http.ContentType.JSON)
                    .body(java.util.Map.of("minutesMissed", 0))
                    .put(core + "/completion/" + id + "/days/" + day)
                    .then()
                    .statusCode(200);
        }
        TestData.admin().post(core + "/completion/certificates").then().statusCode(200);
    }

    @Test
    void anAdminPlansAThreeDayCohortAPersonRegistersOnThePublicPageAndAppearsOnTheRoster() {
        completedCore("Rosa Quinlan", "rosa.quinlan@example.test");
        Page admin = browser.newPage(1280, 1100);
        signIn(admin, DemoData.ADMIN_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(admin.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        test(admin, "plan-cohort-open").click();
        test(admin, "plan-course").selectOption("advanced");
        assertThat(test(admin, "plan-day-date")).hasCount(3);
        test(admin, "plan-title").fill("Advanced by the sea");
        test(admin, "plan-capacity").fill("12");
        test(admin, "plan-venue-name").fill("Harbour Room");
        String[] dates = {"2038-05-03", "2038-05-10", "2038-05-17"};
        for (int i = 0; i < 3; i++) {
            test(admin, "plan-day-date").nth(i).fill(dates[i]);
        }
        Browser.screenshot(admin, "cohort-plan-form");
        test(admin, "plan-submit").click();
        admin.waitForURL(java.util.regex.Pattern.compile(".*/organisation/cohorts/[0-9a-f-]{36}$"));
        String cohortId = admin.url().replaceAll(".*/", "");

        test(admin, "book-trainer-member")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Sam Okafor"));
        test(admin, "book-trainer-lead").check();
        test(admin, "book-trainer-submit").click();
        assertThat(test(admin, "trainer-row").first()).containsText("Sam Okafor");
        test(admin, "open-registration").click();
        assertThat(test(admin, "open-registration")).hasCount(0);
        assertThat(test(admin, "public-link"))
                .hasValue(java.util.regex.Pattern.compile(".*/register/" + cohortId + "$"));

        Page person = browser.newPage(1280, 1000);
        person.navigate(url("/register/" + cohortId));
        assertThat(test(person, "register-course")).containsText("Advanced");
        test(person, "register-name").fill("Rosa Quinlan");
        test(person, "register-email").fill("rosa.quinlan@example.test");
        test(person, "register-access").fill("A chair with arms, please");
        test(person, "register-submit").click();
        assertThat(test(person, "register-result")).containsText("Check your email");
        Browser.screenshot(person, "registration-public-page");

        admin.reload();
        assertThat(test(admin, "roster-row").first()).containsText("Rosa Quinlan");
        assertThat(test(admin, "roster-row").first()).containsText("A chair with arms, please");
        Browser.screenshot(admin, "cohort-roster");

        // on a laptop: nothing sideways, the header one row, and the page's own navigation to its sections
        admin.setViewportSize(1366, 768);
        assertThat(scrollsSideways(admin))
                .as("the cohort page scrolls sideways at 1366×768")
                .isFalse();
        com.microsoft.playwright.options.BoundingBox title = admin.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                .boundingBox();
        assertThat(test(admin, "cohort-status").boundingBox().y)
                .as("the status sits beside the title")
                .isLessThan(title.y + title.height);
        Browser.screenshotViewport(admin, "cohort-1366");
        com.microsoft.playwright.Locator sections = admin.getByRole(
                        AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("On this page"))
                .getByRole(AriaRole.LINK);
        assertThat(sections).hasCount(6);
        assertThat(sections.last().boundingBox().y)
                .as("the links to the page's sections are one row on a laptop")
                .isEqualTo(sections.first().boundingBox().y);
        admin.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("On this page"))
                .getByRole(
                        AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Registration"))
                .click();
        assertThat(admin.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Registration").setExact(true)))
                .isFocused();
        assertThat(admin)
                .hasURL(java.util.regex.Pattern.compile(".*/organisation/cohorts/" + cohortId + "#registration$"));
        Browser.screenshotViewport(admin, "cohort-1366-registration");
        admin.setViewportSize(390, 844);
        assertThat(scrollsSideways(admin))
                .as(() -> "the cohort page scrolls sideways at 390×844: " + pastTheRightEdge(admin))
                .isFalse();
        admin.evaluate("() => window.scrollTo(0, 0)");
        Browser.screenshotViewport(admin, "cohort-390");
        assertThat(browser.policyViolations).isEmpty();
        person.context().close();
        admin.context().close();
    }

    @Test
    void anAdminInvitesATrainerFromTheMembersPage() {
        Page page = browser.newPage(1280, 900);
        signIn(page, DemoData.ADMIN_EMAIL, DemoConfig.PUBLIC_PASSWORD);
        assertThat(page.getByRole(
                        AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName("Core training").setExact(false)))
                .isVisible();
        page.navigate(url("/organisation/members"));
        String email = "browser-invite-" + System.nanoTime() + "@example.test";
        page.getByLabel("Email").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send invitation"))
                .click();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Invitations"))
                        .getByRole(AriaRole.LISTITEM)
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(email)))
                .hasCount(1);
        assertThat(page.getByText("Róisín Byrne").first()).isVisible();
        Browser.screenshot(page, "members");
        assertThat(browser.policyViolations).isEmpty();
        page.context().close();
    }
}
