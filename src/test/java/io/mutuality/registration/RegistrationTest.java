package io.mutuality.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.mutuality.common.ProblemException;
import io.mutuality.identity.IdentityService;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.registration.RegistrationApi.Registered;
import io.mutuality.registration.RegistrationApi.Roster;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Registration's rules against the real database: seats, waitlists, offers, pools, the cut-off. */
@QuarkusTest
class RegistrationTest {

    @Inject
    RegistrationService registrations;

    @Inject
    RegistrationViews views;

    @Inject
    RosterService rosters;

    @Inject
    SeatOffers offers;

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService identity;

    @Inject
    MockMailbox mailbox;

    private static int cohorts;

    private OrganisationId organisation;

    @org.junit.jupiter.api.BeforeEach
    void organisation() {
        organisation = OrganisationId.fromString(TestData.organisationId());
    }

    /** A Core cohort of {@code capacity} starting on the Monday after {@code daysAhead}, booked and open. */
    private CohortId openCohort(int capacity, int daysAhead) {
        return openCohortFrom(
                capacity,
                LocalDate.now().plusDays(daysAhead).with(java.time.temporal.TemporalAdjusters.next(DayOfWeek.MONDAY)));
    }

    private CohortId openCohortFrom(int capacity, LocalDate firstDay) {
        String json = TestData.coreCohortJson(firstDay.toString())
                .replace("\"capacity\": 16", "\"capacity\": " + capacity)
                .replace("Core in the spring", "Core for registration " + (++cohorts));
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(json)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        CohortId cohort = CohortId.fromString(location.substring(location.lastIndexOf('/') + 1));
        // a trainer of its own, qualified to lead, so that no two test cohorts book one trainer at the same time
        io.mutuality.identity.Account trainer =
                identity.openAccount("lead-" + UUID.randomUUID() + "@example.test", "Lead", TestData.PASSWORD);
        identity.grant(trainer.id(), organisation.value(), io.mutuality.identity.Role.TRAINER);
        scheduling.recordQualification(
                organisation,
                trainer.id(),
                io.mutuality.scheduling.Qualification.TRAIN_THE_TRAINER,
                "Certificate TTT-TEST",
                identity.findByEmail(TestData.email(Persona.ADMIN_A))
                        .orElseThrow()
                        .id());
        scheduling.book(organisation, cohort, trainer.id(), true);
        TestData.admin().post(path(cohort) + "/open").then().statusCode(200);
        leads.put(cohort, trainer.email());
        return cohort;
    }

    /** The lead booked on each cohort made here: a trainer reads the roster of a cohort they are booked on. */
    private final java.util.Map<CohortId, String> leads = new java.util.HashMap<>();

    private io.restassured.specification.RequestSpecification asItsLead(CohortId cohort) {
        TestData.Session session = TestData.signIn(leads.get(cohort), TestData.PASSWORD);
        return given().cookie("mutuality_session", session.cookie()).header("X-CSRF-Token", session.csrf());
    }

    private String path(CohortId cohort) {
        return TestData.cohortsPath() + "/" + cohort.value() + "/registrations";
    }

    private static RegisterRequest person(String name) {
        return new RegisterRequest(
                name, name.toLowerCase().replace(' ', '.') + "@example.test", null, "Step-free access", null);
    }

    @Test
    void fiftyPeopleRegisteringAtOnceForFiveSeatsNeverOverbook() throws Exception {
        CohortId cohort = openCohort(5, 30);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Registered>> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            RegisterRequest request = person("Person " + i);
            tasks.add(() -> registrations.register(cohort, request));
        }
        List<Registered> results = new ArrayList<>();
        for (Future<Registered> future : pool.invokeAll(tasks)) {
            results.add(future.get());
        }
        pool.shutdown();
        assertThat(results)
                .filteredOn(r -> r.status() == RegistrationStatus.CONFIRMED)
                .hasSize(5);
        assertThat(results)
                .filteredOn(r -> r.status() == RegistrationStatus.WAITLISTED)
                .extracting(Registered::waitlistPlace)
                .hasSize(45)
                .doesNotHaveDuplicates()
                .allMatch(place -> place >= 1 && place <= 45);
        Roster roster = rosters.roster(organisation, cohort);
        assertThat(roster.confirmed()).hasSize(5);
        assertThat(roster.waitlist())
                .extracting(RegistrationApi.RegistrationView::waitlistPlace)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 45).boxed().toList());
        assertThat(scheduling
                        .cohort(organisation, cohort)
                        .orElseThrow()
                        .getStatus()
                        .name())
                .isEqualTo("FULL");
    }

    @Test
    void aFreedSeatIsOfferedToTheFirstPersonWaitingAndPassesOnWhenTheOfferLapses() {
        CohortId cohort = openCohort(1, 30);
        Registered ana = registrations.register(cohort, person("Ana Seat"));
        Registered ben = registrations.register(cohort, person("Ben Wait"));
        Registered chi = registrations.register(cohort, person("Chi Wait"));
        assertThat(ana.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(ben.waitlistPlace()).isEqualTo(1);
        assertThat(chi.waitlistPlace()).isEqualTo(2);

        mailbox.clear();
        given().post("/api/public/registrations/" + ana.manageToken() + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        assertThat(views.mine(ben.manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(mailbox.getMailsSentTo("ben.wait@example.test")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("ben.wait@example.test").get(0).getText())
                .contains(ben.manageToken());
        Instant expires = views.mine(ben.manageToken()).offerExpiresAt();
        assertThat(Duration.between(Instant.now(), expires).toHours()).isBetween(47L, 48L);

        // nothing lapses early; once the 48 hours pass, the seat goes to Chi, and only once however often the sweep
        // runs
        assertThat(offers.lapseOffers(cohort, expires.minusSeconds(60))).isZero();
        assertThat(offers.lapseOffers(cohort, expires.plusSeconds(1))).isEqualTo(1);
        assertThat(offers.lapseOffers(cohort, expires.plusSeconds(2))).isZero();
        // the sweep over every cohort finds nothing more to do here
        offers.lapseOffers(expires.plusSeconds(3));
        assertThat(views.mine(ben.manageToken()).status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(views.mine(chi.manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
        given().post("/api/public/registrations/" + ben.manageToken() + "/accept")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().post("/api/public/registrations/" + chi.manageToken() + "/accept")
                .then()
                .statusCode(200)
                .body("status", equalTo("CONFIRMED"));
        Roster roster = rosters.roster(organisation, cohort);
        assertThat(roster.confirmed())
                .extracting(RegistrationApi.RegistrationView::name)
                .containsExactly("Chi Wait");
        assertThat(roster.offered()).isEmpty();
    }

    /** A cohort of one seat whose seat is offered to Ben (Chi waits behind him); returns Ben's and Chi's registrations. */
    private List<Registered> anOfferToBen(CohortId cohort, String suffix) {
        Registered ana = registrations.register(cohort, person("Ana " + suffix));
        Registered ben = registrations.register(cohort, person("Ben " + suffix));
        Registered chi = registrations.register(cohort, person("Chi " + suffix));
        given().post("/api/public/registrations/" + ana.manageToken() + "/cancel")
                .then()
                .statusCode(200);
        assertThat(views.mine(ben.manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
        return List.of(ben, chi);
    }

    @Test
    void twoNodesSweepingTheSameLapsedOfferAtOnceEachPassTheSeatOnOnce() throws Exception {
        CohortId cohort = openCohort(1, 31);
        List<Registered> waiting = anOfferToBen(cohort, "Together");
        Instant lapsed =
                views.mine(waiting.get(0).manageToken()).offerExpiresAt().plusSeconds(1);
        mailbox.clear();

        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        Callable<Integer> sweep = () -> {
            together.await();
            return offers.lapseOffers(cohort, lapsed);
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        int passedOn = 0;
        for (Future<Integer> run : nodes.invokeAll(List.of(sweep, sweep))) {
            passedOn += run.get();
        }
        nodes.shutdown();
        assertThat(passedOn).isEqualTo(1);
        assertThat(mailbox.getMailsSentTo("ben.together@example.test"))
                .as("one 'your offer lapsed' email")
                .hasSize(1);
        assertThat(mailbox.getMailsSentTo("chi.together@example.test"))
                .as("one offer")
                .hasSize(1);
        assertThat(views.mine(waiting.get(1).manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
    }

    @Test
    void theScheduledOfferSweepIsLeftToTheNodeAlreadySweeping() {
        CohortId cohort = openCohort(1, 32);
        List<Registered> waiting = anOfferToBen(cohort, "Held");
        UUID ben = views.byLink(waiting.get(0).manageToken()).id;
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> Registration.<Registration>findById(ben).offerExpiresAt =
                        Instant.now().minusSeconds(1));

        try (io.mutuality.cluster.OtherNode other = io.mutuality.cluster.OtherNode.holding(SeatOffers.OFFER_SWEEP)) {
            offers.sweep();
            assertThat(views.mine(waiting.get(0).manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
        }
        offers.sweep();
        assertThat(views.mine(waiting.get(0).manageToken()).status()).isEqualTo(RegistrationStatus.EXPIRED);
        assertThat(views.mine(waiting.get(1).manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
    }

    @Test
    void declinedOffersPassOnAndAnAdminCancellationFreesTheSeatToo() {
        CohortId cohort = openCohort(1, 30);
        Registered ana = registrations.register(cohort, person("Ana Decline"));
        Registered ben = registrations.register(cohort, person("Ben Decline"));
        Registered chi = registrations.register(cohort, person("Chi Decline"));
        UUID anaId = rosters.roster(organisation, cohort).confirmed().get(0).id();
        TestData.as(Persona.TRAINER_A)
                .post(path(cohort) + "/" + anaId + "/cancel")
                .then()
                .statusCode(403);
        TestData.admin()
                .post(path(cohort) + "/" + anaId + "/cancel")
                .then()
                .statusCode(200)
                .body("offered.name", hasItem("Ben Decline"));
        given().post("/api/public/registrations/" + ben.manageToken() + "/decline")
                .then()
                .statusCode(200)
                .body("status", equalTo("DECLINED"));
        assertThat(views.mine(chi.manageToken()).status()).isEqualTo(RegistrationStatus.OFFERED);
        assertThat(views.mine(ana.manageToken()).status()).isEqualTo(RegistrationStatus.CANCELLED);
    }

    @Test
    void eachPoolHasItsOwnSeatsAndWaitlistAndStaffSeatsAreNotPublic() {
        CohortId cohort = openCohort(5, 30);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "offerHours",
                        24,
                        "pools",
                        List.of(
                                Map.of("code", "staff", "name", "Our own staff", "seats", 2, "openToPublic", false),
                                Map.of("code", "open", "name", "Open seats", "seats", 2),
                                Map.of("code", "scholarship", "name", "Scholarship seats", "seats", 1))))
                .put(path(cohort) + "/seating")
                .then()
                .statusCode(200)
                .body("pools.code", hasItem("scholarship"));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "offerHours", 24, "pools", List.of(Map.of("code", "open", "name", "Open seats", "seats", 4))))
                .put(path(cohort) + "/seating")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");

        assertThatThrownBy(() -> registrations.register(
                        cohort, new RegisterRequest("Sly", "sly@example.test", "staff", null, null)))
                .isInstanceOf(ProblemException.class);
        registrations.add(
                organisation, cohort, new RegisterRequest("Staff One", "s1@example.test", "staff", null, null));
        assertThat(registrations
                        .register(
                                cohort, new RegisterRequest("Sch One", "sch1@example.test", "scholarship", null, null))
                        .status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations
                        .register(
                                cohort, new RegisterRequest("Sch Two", "sch2@example.test", "scholarship", null, null))
                        .status())
                .isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(registrations.register(cohort, person("Open One")).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(registrations.register(cohort, person("Open Two")).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        Registered openThree = registrations.register(cohort, person("Open Three"));
        assertThat(openThree.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(openThree.waitlistPlace())
                .as("each pool keeps its own order")
                .isEqualTo(1);

        given().get("/api/public/cohorts/" + cohort.value())
                .then()
                .statusCode(200)
                .body("registration", equalTo("waitlist"))
                .body("pools.code", org.hamcrest.Matchers.not(hasItem("staff")))
                .body("pools.find { it.code == 'open' }.seatsLeft", equalTo(0));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "offerHours",
                        24,
                        "pools",
                        List.of(
                                Map.of("code", "staff", "name", "Our own staff", "seats", 1, "openToPublic", false),
                                Map.of("code", "open", "name", "Open seats", "seats", 3),
                                Map.of("code", "scholarship", "name", "Scholarship seats", "seats", 1))))
                .put(path(cohort) + "/seating")
                .then()
                .statusCode(200);
        assertThat(views.mine(openThree.manageToken()).status())
                .as("a seat moved into the pool is offered at once")
                .isEqualTo(RegistrationStatus.OFFERED);
    }

    @Test
    void theSameEmailTwiceGetsTheSameAnswerAsANewOneAndSomeoneWhoCancelledCanComeBack() {
        CohortId cohort = openCohort(3, 30);
        String url = "/api/public/cohorts/" + cohort.value() + "/registrations";
        Registered first = registrations.register(
                cohort, new RegisterRequest("Dee", "Dee@Example.test", null, null, "Vegetarian"));
        mailbox.clear();
        String taken = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Dee again", "email", "dee@example.TEST"))
                .post(url)
                .then()
                .statusCode(202)
                .extract()
                .asString();
        String fresh = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Fay New", "email", "fay.new@example.test"))
                .post(url)
                .then()
                .statusCode(202)
                .extract()
                .asString();
        assertThat(taken)
                .as("a taken email answers like a new one")
                .isEqualTo(fresh)
                .doesNotContainIgnoringCase("dee@example")
                .doesNotContain("already");
        assertThat(rosters.roster(organisation, cohort).confirmed())
                .extracting(RegistrationApi.RegistrationView::name)
                .containsExactlyInAnyOrder("Dee", "Fay New");
        // the person who owns the email is told, with their own link; nobody else is
        var toDee = mailbox.getMailsSentTo("Dee@Example.test");
        assertThat(toDee).hasSize(1);
        assertThat(toDee.get(0).getSubject()).startsWith("You are already registered");
        assertThat(toDee.get(0).getText())
                .contains("/registration/" + first.manageToken())
                .doesNotContain("Dee again");

        registrations.cancel(first.manageToken());
        assertThat(registrations
                        .register(cohort, new RegisterRequest("Dee", "dee@example.test", null, null, null))
                        .status())
                .isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void anAdminAddingAnEmailAlreadyRegisteredIsToldSo() {
        CohortId cohort = openCohort(3, 30);
        registrations.register(cohort, new RegisterRequest("Gil", "gil@example.test", null, null, null));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Gil", "email", "gil@example.test"))
                .post(path(cohort))
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("already registered"));
    }

    @Test
    void theCutOffClosesRegistrationAndADraftHasNoPublicPage() {
        CohortId closed = openCohort(3, -1);
        given().get("/api/public/cohorts/" + closed.value())
                .then()
                .statusCode(200)
                .body("registration", equalTo("closed"));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Late", "email", "late@example.test"))
                .post("/api/public/cohorts/" + closed.value() + "/registrations")
                .then()
                .statusCode(409)
                .body("detail", org.hamcrest.Matchers.startsWith("Registration closed on"));

        LocalDate firstDay = LocalDate.now().plusWeeks(8).with(DayOfWeek.MONDAY);
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(TestData.coreCohortJson(firstDay.toString()))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String draft = location.substring(location.lastIndexOf('/') + 1);
        given().get("/api/public/cohorts/" + draft).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Early", "email", "early@example.test"))
                .post("/api/public/cohorts/" + draft + "/registrations")
                .then()
                .statusCode(404);
    }

    @Inject
    RegistrationReminders reminders;

    @Test
    void remindersGoOnceEachEvenWhenTheJobRunsTwiceAtTheSameTime() throws Exception {
        CohortId cohort = openCohortFrom(4, LocalDate.now().plusDays(2));
        registrations.add(
                organisation, cohort, new RegisterRequest("Rem One", "rem.one@example.test", null, null, null));
        registrations.add(
                organisation, cohort, new RegisterRequest("Rem Two", "rem.two@example.test", null, null, null));
        mailbox.clear();
        Instant now = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Integer>> runs = pool.invokeAll(List.of(() -> reminders.send(now), () -> reminders.send(now)));
        pool.shutdown();
        int sent = 0;
        for (Future<Integer> run : runs) {
            sent += run.get();
        }
        assertThat(sent).isGreaterThanOrEqualTo(2);
        assertThat(reminders.send(now)).isZero();
        assertThat(mailbox.getMailsSentTo("rem.one@example.test")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("rem.two@example.test")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("rem.one@example.test").get(0).getSubject())
                .startsWith("Soon:");

        Instant afterwards = now.plus(Duration.ofDays(8));
        reminders.send(afterwards);
        assertThat(reminders.send(afterwards)).isZero();
        assertThat(mailbox.getMailsSentTo("rem.two@example.test")).hasSize(2);
        assertThat(mailbox.getMailsSentTo("rem.two@example.test").get(1).getSubject())
                .startsWith("Thank you");
    }

    @Test
    void theScheduledReminderSweepIsLeftToTheNodeAlreadySending() {
        CohortId cohort = openCohortFrom(4, LocalDate.now().plusDays(2));
        registrations.add(
                organisation, cohort, new RegisterRequest("Rem Held", "rem.held@example.test", null, null, null));
        mailbox.clear();
        try (io.mutuality.cluster.OtherNode other = io.mutuality.cluster.OtherNode.holding(RegistrationReminders.JOB)) {
            reminders.sweep();
            assertThat(mailbox.getMailsSentTo("rem.held@example.test")).isEmpty();
        }
        reminders.sweep();
        assertThat(mailbox.getMailsSentTo("rem.held@example.test")).hasSize(1);
    }

    @Test
    void aCsvImportShowsEveryBadLineInADryRunThenRegistersOnlyTheGoodOnes() {
        CohortId cohort = openCohort(2, 30);
        registrations.register(cohort, person("Already Here"));
        String csv = """
                name,email,pool,accessNeeds,dietaryNeeds
                Ines Good,ines@example.test,,Hearing loop,
                ,nameless@example.test,,,
                Ola Bad Email,not-an-email,,,
                Already Again,already.here@example.test,,,
                Pat Unknown Pool,pat@example.test,platinum,,
                Ines Twice,INES@example.test,,,
                Quinn Waits,quinn@example.test,,,Vegan
                "=HYPERLINK(""x"")",formula@example.test,,,
                """;
        RegistrationApi.ImportReport dry = TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("csv", csv, "dryRun", true))
                .post(path(cohort) + "/import")
                .then()
                .statusCode(200)
                .extract()
                .as(RegistrationApi.ImportReport.class);
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.rows())
                .extracting(RegistrationApi.ImportRow::outcome)
                .containsExactly(
                        "confirmed",
                        "error",
                        "error",
                        "already-registered",
                        "error",
                        "error",
                        "waitlisted",
                        "waitlisted");
        assertThat(dry.rows())
                .extracting(RegistrationApi.ImportRow::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(dry.rows().get(1).problems()).anyMatch(p -> p.startsWith("name"));
        assertThat(dry.rows().get(2).problems()).anyMatch(p -> p.startsWith("email"));
        assertThat(dry.rows().get(4).problems()).anyMatch(p -> p.contains("platinum"));
        assertThat(dry.rows().get(5).problems()).anyMatch(p -> p.contains("earlier line"));
        assertThat(rosters.roster(organisation, cohort).confirmed()).hasSize(1);

        mailbox.clear();
        RegistrationApi.ImportReport real = TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("csv", csv, "dryRun", false))
                .post(path(cohort) + "/import")
                .then()
                .statusCode(200)
                .extract()
                .as(RegistrationApi.ImportReport.class);
        assertThat(real.confirmed()).isEqualTo(1);
        assertThat(real.waitlisted()).isEqualTo(2);
        assertThat(real.errors()).isEqualTo(4);
        Roster roster = rosters.roster(organisation, cohort);
        assertThat(roster.confirmed())
                .extracting(RegistrationApi.RegistrationView::name)
                .containsExactly("Already Here", "Ines Good");
        assertThat(roster.waitlist())
                .extracting(RegistrationApi.RegistrationView::name)
                .containsExactly("Quinn Waits", "=HYPERLINK(\"x\")");
        assertThat(mailbox.getMailsSentTo("ines@example.test")).hasSize(1);

        String export = asItsLead(cohort)
                .get(path(cohort) + "/export")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract()
                .asString();
        assertThat(export)
                .startsWith("name,email,pool,status,waitlistPlace,accessNeeds,dietaryNeeds,registeredAt")
                .contains("Ines Good,ines@example.test,open,confirmed,,Hearing loop,,")
                .contains("'=HYPERLINK")
                .doesNotContain(",=HYPERLINK");

        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("csv", "just,some,words\n1,2,3", "dryRun", true))
                .post(path(cohort) + "/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("csv", "", "dryRun", true))
                .post(path(cohort) + "/import")
                .then()
                .statusCode(422);
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("csv", csv, "dryRun", true))
                .post(path(cohort) + "/import")
                .then()
                .statusCode(403);
    }

    @Test
    void badInputGetsClearProblems() {
        CohortId cohort = openCohort(3, 30);
        String url = "/api/public/cohorts/" + cohort.value() + "/registrations";
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "No email"))
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("email")));
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad", "email", "not-an-email"))
                .post(url)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "x".repeat(121), "email", "long@example.test"))
                .post(url)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{not json")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Pool", "email", "pool@example.test", "pool", "nope"))
                .post(url)
                .then()
                .statusCode(422);
        given().get("/api/public/cohorts/not-a-uuid").then().statusCode(404);
        given().get("/api/public/registrations/forged.token")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().post("/api/public/registrations/" + java.util.UUID.randomUUID() + ".abc/accept")
                .then()
                .statusCode(404);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("offerHours", 0, "pools", List.of()))
                .put(path(cohort) + "/seating")
                .then()
                .statusCode(400);
        assertThat(rosters.roster(organisation, cohort).confirmed()).isEmpty();
    }

    @Test
    void anotherOrganisationCannotSeeOrChangeTheRoster() {
        CohortId cohort = openCohort(3, 30);
        registrations.register(cohort, person("Private Person"));
        TestData.as(Persona.TRAINER_B).get(path(cohort)).then().statusCode(404);
        TestData.as(Persona.TRAINER_A).get(path(cohort)).then().statusCode(403);
        asItsLead(cohort)
                .get(path(cohort))
                .then()
                .statusCode(200)
                .body("confirmed.name", hasItem("Private Person"))
                .body("confirmed[0].accessNeeds", equalTo("Step-free access"));
        String publicPage = given().get("/api/public/cohorts/" + cohort.value())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(publicPage).doesNotContain("Private Person").doesNotContain("private.person@example.test");
    }
}
