package io.mutuality.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.mutuality.browser.Journey.test;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.mutuality.TestData;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every main page as people meet it: axe-core finds no serious or critical barrier, nothing
 * scrolls sideways at 1366×768 (and, for what participants use, on a 390×844 phone), and a
 * screenshot of each is kept. The console is looked at with each activity in focus. A
 * participant takes part with the keyboard alone.
 */
@QuarkusTest
class AccessibilityAndLayoutTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService identity;

    private static Browser browser;
    private Journey journey;
    private final List<String> findings = new ArrayList<>();

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

    @BeforeEach
    void journey() {
        journey = new Journey(root, browser);
        findings.clear();
    }

    /** The page as it stands once loaded: axe's serious and critical findings noted, no sideways scroll, a screenshot. */
    private void look(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(page.getByText(Pattern.compile("^Loading .*…$"))).hasCount(0);
        findings.addAll(Axe.seriousOrCritical(page, name));
        var size = page.viewportSize();
        assertThat(Journey.scrollsSideways(page))
                .as("%s scrolls sideways at %d×%d", name, size.width, size.height)
                .isFalse();
        Browser.screenshot(page, "look-" + name);
    }

    /** A page opened and looked at, once its first heading shows. */
    private void open(Page page, String path, String name) {
        page.navigate(journey.url(path));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))
                        .first())
                .isVisible();
        look(page, name);
    }

    private void noSeriousFindings() {
        assertThat(findings).as("axe-core: serious or critical findings").isEmpty();
        assertThat(browser.policyViolations).isEmpty();
    }

    @Test
    void theStaffPagesAndTheCurriculaHaveNoSeriousBarriersAndFitALaptop() {
        // an admin of its own, taken off again at the end: other tests count the demo organisation's admins
        String admin = journey.freshStaff(identity, Role.ORG_ADMIN);
        try {
            staffPages(admin);
        } finally {
            identity.remove(
                    java.util.UUID.fromString(TestData.organisationId()),
                    identity.findByEmail(admin).orElseThrow().id(),
                    true);
        }
    }

    private void staffPages(String admin) {
        Page page = browser.newPage(1366, 768);
        journey.signInAndWait(page, admin, TestData.PASSWORD);
        // the app's bar holds the places and the person on one row at 1366 px
        page.navigate(journey.url("/organisation"));
        var brand = page.locator("header .brand").boundingBox();
        var signOut = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                .boundingBox();
        assertThat(Math.abs((brand.y + brand.height / 2) - (signOut.y + signOut.height / 2)))
                .as("the header's bar wraps at 1366 px")
                .isLessThan(12.0);
        for (Map.Entry<String, String> p : List.of(
                Map.entry("organisation", "/organisation"),
                Map.entry("cohort", "/organisation/cohorts/" + TestData.demoCohortId()),
                Map.entry("members", "/organisation/members"),
                Map.entry("facilitate", "/facilitator"),
                Map.entry("curricula", "/curricula"),
                Map.entry("course-core", "/curricula/core"),
                Map.entry("course-core-day-2", "/curricula/core/days/2"),
                Map.entry("module", "/curricula/modules/core-connection"),
                Map.entry("materials", "/curricula/modules/adv-crisis-conversations/materials"),
                Map.entry("letter", "/curricula/core/letter"),
                Map.entry("account", "/account"))) {
            open(page, p.getValue(), p.getKey());
        }
        page.context().close();

        // what a person registering meets, signed out, on a laptop and on a phone
        Page person = browser.newPage(1366, 768);
        open(person, "/register/" + TestData.demoCohortId(), "register");
        open(person, "/sign-in", "sign-in");
        person.setViewportSize(390, 844);
        open(person, "/register/" + TestData.demoCohortId(), "register-phone");
        open(person, "/join", "join-phone");
        person.context().close();
        noSeriousFindings();
    }

    @Test
    void theLiveDayWithEachActivityInFocusOnTheConsoleTheProjectorAndAPhone() {
        String[] room = journey.freshRoom(scheduling, identity);
        Page console = browser.newPage(1366, 768);
        journey.signInAndWait(console, room[2], TestData.PASSWORD);
        console.navigate(journey.url("/facilitator/rooms/" + TestData.organisationId() + "/" + room[0] + "/1"));
        assertThat(console.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Who's here")))
                .isVisible();
        Page projector = console.context()
                .waitForPage(() -> test(console, "open-projector").click());
        projector.setViewportSize(1366, 768);
        assertThat(test(projector, "present-code")).isVisible();

        Page ana = journey.participantJoins(room[1], "Ana", 390, 844);
        Page ben = journey.participantJoins(room[1], "Ben");
        Page chi = journey.participantJoins(room[1], "Chi");
        assertThat(test(console, "here-count")).containsText("3 here");
        look(console, "console-waiting");
        look(ana, "room-phone-waiting");

        // a check-in in focus
        console.getByLabel("The prompt people will see").fill("One word for how you arrive. You can pass.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();
        assertThat(ana.getByLabel("A word")).isVisible();
        look(ana, "room-phone-check-in");
        ana.getByLabel("A word").fill("steady");
        ana.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share my answer"))
                .click();
        assertThat(test(projector, "present-checkin")).containsText("steady");
        look(console, "console-check-in");
        look(projector, "projector-check-in");
        console.locator("[data-close]").click();

        // a role-play in focus, found with the picker
        com.microsoft.playwright.Locator basis = test(console, "roleplay-basis");
        if (basis.count() > 0) {
            basis.and(console.locator("[value=ad-hoc]")).check();
        }
        Journey.chooseFromTheBank(console, "roleplay-scenario", "tiptoeing", "respite-too-quiet");
        look(console, "console-picker");
        test(console, "roleplay-rounds").fill("3");
        test(console, "roleplay-minutes").fill("5");
        test(console, "roleplay-launch-submit").click();
        test(console, "roleplay-start").click();
        assertThat(test(ana, "role-card")).hasCount(1);
        look(console, "console-role-play");
        look(ana, "room-phone-role-play");
        look(projector, "projector-role-play");

        // the keys: "?" lists them; "3" starts a three-minute timer everyone sees
        console.locator("body").click(new com.microsoft.playwright.Locator.ClickOptions().setPosition(5, 300));
        console.keyboard().press("?");
        assertThat(test(console, "shortcuts")).isVisible();
        look(console, "console-shortcuts");
        console.keyboard().press("Escape");
        assertThat(test(console, "shortcuts")).hasCount(0);
        console.keyboard().press("3");
        assertThat(ana.locator("[data-timer] [role=timer]").first())
                .hasText(
                        Pattern.compile("^(3:00|2:5\\d)$"),
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(1000));

        // reframing in focus
        test(console, "roleplay-end").click();
        if (test(console, "roleplay-end-confirm").count() > 0) {
            test(console, "roleplay-end-confirm").click();
        }
        Journey.chooseFromTheBank(console, "reframe-bank-statement", "schizophrenic", "reframe-schizophrenic");
        test(console, "reframe-bank-statement-search").fill("bipolar");
        test(console, "reframe-bank-statement")
                .and(console.locator("[value=reframe-classic-bipolar]"))
                .check();
        test(console, "reframe-launch-submit").click();
        assertThat(test(ana, "reframe-rewrite").first()).isVisible();
        look(ana, "room-phone-reframing");
        test(ana, "reframe-rewrite").first().fill("He lives on his own in the flats; I would like to hear how.");
        test(ana, "reframe-keep").first().click();
        assertThat(ana.getByText("Kept. Only you see it.").first()).isVisible();
        look(console, "console-reframing");

        // the shared board: a column per statement, each a region with a name of its own
        test(console, "reframe-reveal").click();
        test(ana, "reframe-share-named").first().click();
        for (Page p : List.of(console, ana)) {
            assertThat(test(p, "reframe-entry")).hasCount(1);
        }
        assertThat(test(projector, "present-board")).containsText("I would like to hear how");
        assertThat(console.locator(".board-column")).hasCount(2);
        look(console, "console-reframing-board");
        look(ana, "room-phone-reframing-board");
        look(projector, "projector-reframing-board");
        noSeriousFindings();
        for (Page p : List.of(ana, ben, chi, console)) {
            p.context().close();
        }
    }

    /** What has the keyboard's focus, through shadow roots: its label, text or name, trimmed. */
    private static String focused(Page page) {
        return (String) page.evaluate("() => { let a = document.activeElement;"
                + " while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;"
                + " if (!a || a === document.body) return '';"
                + " const label = a.getAttribute('aria-label') || (a.labels && a.labels[0] && a.labels[0].textContent) || '';"
                + " return (label || a.textContent || a.tagName).replace(/\\s+/g, ' ').trim(); }");
    }

    /** Presses Tab until the focus is on what {@code wanted} matches; fails after 40 presses. */
    private static void tabTo(Page page, Pattern wanted) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            page.keyboard().press("Tab");
            String now = focused(page);
            seen.add(now);
            if (wanted.matcher(now).find()) {
                return;
            }
        }
        throw new AssertionError("Tab never reached " + wanted + "; it went through " + seen);
    }

    @Test
    void aParticipantJoinsAnswersAndPassesWithTheKeyboardAlone() {
        String[] room = journey.freshRoom(scheduling, identity);
        Page person = browser.newPage(1280, 800);
        Keyboard keys = person.keyboard();
        person.navigate(journey.url("/join"));
        assertThat(person.getByLabel("Room code")).isVisible();
        keys.press("Tab");
        assertThat(focused(person)).isEqualTo("Skip to content");
        tabTo(person, Pattern.compile("^Room code"));
        keys.type(room[1]);
        tabTo(person, Pattern.compile("^Your name in the room"));
        keys.type("Kai");
        keys.press("Enter");
        assertThat(person.getByText("You're here as")).isVisible();
        assertThat(person).hasTitle(Pattern.compile("^Room [A-Z0-9]{3} [A-Z0-9]{3} · Mutuality$"));

        Page console = browser.newPage(1366, 768);
        journey.signInAndWait(console, room[2], TestData.PASSWORD);
        console.navigate(journey.url("/facilitator/rooms/" + TestData.organisationId() + "/" + room[0] + "/1"));
        assertThat(console.getByText("Kai").first()).isVisible();
        console.getByLabel("The prompt people will see").fill("A word for this morning.");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();

        // answering: to the word, type, to the button, Enter; the confirmation takes the focus
        assertThat(person.getByLabel("A word")).isVisible();
        tabTo(person, Pattern.compile("^A word"));
        keys.type("rested");
        tabTo(person, Pattern.compile("^Share my answer"));
        keys.press("Enter");
        assertThat(console.getByText("rested").first()).isVisible();
        // the confirmation takes the focus once the room has it (polled: the facilitator may see it a moment sooner)
        String focus = "";
        for (int i = 0; i < 50 && !focus.toLowerCase(java.util.Locale.ROOT).contains("rested"); i++) {
            person.waitForTimeout(100);
            focus = focused(person);
        }
        assertThat(focus).as("the confirmation has the focus").containsIgnoringCase("rested");
        console.locator("[data-close]").click();

        // passing is as easy as answering
        console.getByLabel("The prompt people will see").fill("Anything you would like us to know?");
        console.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start the check-in"))
                .click();
        assertThat(person.getByText("Anything you would like us to know?").first())
                .isVisible();
        tabTo(person, Pattern.compile("^Pass"));
        keys.press("Enter");
        assertThat(console.getByText("1 of 1 participant here has responded.")).isVisible();

        // and their own data is one more key away
        tabTo(person, Pattern.compile("^Your place and what you wrote$"));
        keys.press("Enter");
        assertThat(person.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Erase"))))
                .isVisible();
        assertThat(browser.policyViolations).isEmpty();
        person.context().close();
        console.context().close();
    }
}
