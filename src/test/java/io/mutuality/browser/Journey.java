package io.mutuality.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.mutuality.TestData;
import io.mutuality.demo.DemoData;
import io.mutuality.identity.IdentityService;
import io.mutuality.scheduling.SchedulingService;
import java.net.URL;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** What the browser tests share: addresses, signing in, joining a room, a fresh training day. */
final class Journey {

    /** Weeks already taken by fresh cohorts in this run (shared by every test class). */
    private static final AtomicInteger FRESH = new AtomicInteger();

    private final URL root;
    private final Browser browser;

    Journey(URL root, Browser browser) {
        this.root = root;
        this.browser = browser;
    }

    String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    void signIn(Page page, String email, String password) {
        page.navigate(url("/sign-in"));
        page.getByLabel("Email").fill(email);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /** A participant joins from the join form on a laptop-sized window of their own. */
    Page participantJoins(String code, String name) {
        return participantJoins(code, name, 1280, 900);
    }

    Page participantJoins(String code, String name, int width, int height) {
        Page page = browser.newPage(width, height);
        page.navigate(url("/join"));
        page.getByLabel("Room code").fill(code);
        page.getByLabel("Your name in the room").fill(name);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Join the room"))
                .click();
        // joining goes straight into the room
        assertThat(page.getByText("You're here as")).isVisible();
        return page;
    }

    /**
     * A trainer of the demo organisation of their own (each signs in without adding to the demo
     * trainer's sign-in count, which has a per-account limit even in tests): their email.
     */
    String freshTrainer(IdentityService identity) {
        return freshStaff(identity, io.mutuality.identity.Role.TRAINER);
    }

    /** A member of the demo organisation of their own, in {@code role}: their email (password {@link TestData#PASSWORD}). */
    String freshStaff(IdentityService identity, io.mutuality.identity.Role role) {
        io.mutuality.identity.Account account = identity.openAccount(
                role.name().toLowerCase(java.util.Locale.ROOT) + "-" + java.util.UUID.randomUUID() + "@example.test",
                role == io.mutuality.identity.Role.TRAINER ? "Tamsin Fresh" : "Aoife Fresh",
                TestData.PASSWORD);
        identity.grant(account.id(), java.util.UUID.fromString(TestData.organisationId()), role);
        return account.email();
    }

    /**
     * A new Core cohort of the demo organisation, led by the demo trainer, with a co-trainer of its own, and its
     * day 1 room open: [cohortId, code, the trainer's email] (their password is {@link TestData#PASSWORD}).
     */
    String[] freshRoom(SchedulingService scheduling, IdentityService identity) {
        // a week of its own for each fresh cohort, in years no other test books (the demo trainer leads
        // them all, and LiveRoomFixture books the same trainer from 20 weeks ahead onwards)
        String firstDay = LocalDate.of(2045, 1, 2)
                .plusWeeks(2L * FRESH.getAndIncrement())
                .with(DayOfWeek.MONDAY)
                .toString();
        String location = TestData.admin()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(TestData.coreCohortJson(firstDay))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String cohortId = location.substring(location.lastIndexOf('/') + 1);
        // the demo trainer leads (Core asks a lead to have done Train-the-Trainer); the fresh one co-trains
        var organisation = io.mutuality.scheduling.OrganisationId.fromString(TestData.organisationId());
        var cohort = io.mutuality.scheduling.CohortId.fromString(cohortId);
        scheduling.book(
                organisation,
                cohort,
                identity.findByEmail(DemoData.TRAINER_EMAIL).orElseThrow().id(),
                true);
        String trainer = freshTrainer(identity);
        scheduling.book(
                organisation,
                cohort,
                identity.findByEmail(trainer).orElseThrow().id(),
                false);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + cohortId + "/registrations/open")
                .then()
                .statusCode(200);
        String code = TestData.admin()
                .post(TestData.cohortsPath() + "/" + cohortId + "/days/1/room?early=true")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        return new String[] {cohortId, code, trainer};
    }

    /** Signs a staff member in and waits until the app has moved on from the sign-in page. */
    void signInAndWait(Page page, String email, String password) {
        signIn(page, email, password);
        page.waitForURL(address -> !address.contains("/sign-in"));
    }

    static Locator test(Page page, String name) {
        return page.locator("[data-test=\"" + name + "\"]");
    }

    static boolean scrollsSideways(Page page) {
        return (Boolean) page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
    }

    /** The console's picker: open the search, narrow it by a word, preview the card, then choose it. */
    static void chooseFromTheBank(Page console, String picker, String words, String id) {
        test(console, picker + "-find").click();
        test(console, picker + "-search").fill(words);
        console.locator("[data-preview=" + id + "]").click();
        assertThat(test(console, picker + "-preview")).isVisible();
        test(console, picker).and(console.locator("[value=" + id + "]")).check();
        assertThat(test(console, picker + "-chosen")).isVisible();
    }
}
