package io.mutuality.demo;

import io.mutuality.identity.Account;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortPlan;
import io.mutuality.scheduling.Organisation;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Gives a new installation something to look at: on first start with an empty database it
 * creates a demo organisation, an organisation admin, a trainer and an open Core cohort about
 * six weeks ahead. It never touches a database that already has an organisation.
 */
@ApplicationScoped
public class DemoData {

    public static final String ORGANISATION_SLUG = "tideway-peer-collective";
    public static final String ADMIN_EMAIL = "admin@demo.mutuality.test";
    public static final String TRAINER_EMAIL = "trainer@demo.mutuality.test";

    private static final Logger LOG = Logger.getLogger(DemoData.class);
    private static final ZoneId ZONE = ZoneId.of("Europe/Dublin");

    @Inject
    DemoConfig config;

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService identity;

    @Inject
    Clock clock;

    @jakarta.enterprise.context.control.ActivateRequestContext
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (config.enabled()) {
            seedIfEmpty();
        }
        if (org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("mutuality.mail.demo-mailbox", Boolean.class)
                .orElse(false)) {
            LOG.info("Demo data is on and no mail server is configured (QUARKUS_MAILER_HOST): emails are not sent; "
                    + "each is written to this log instead, links included.");
        }
    }

    @Transactional
    void seedIfEmpty() {
        if (scheduling.anyOrganisation()) {
            return;
        }
        Organisation organisation = scheduling.foundOrganisation("Tideway Peer Collective", ORGANISATION_SLUG, ZONE);
        Account admin = identity.openAccount(ADMIN_EMAIL, "Róisín Byrne", config.password());
        Account trainer = identity.openAccount(TRAINER_EMAIL, "Sam Okafor", config.password());
        identity.grant(admin.id(), organisation.getId(), Role.ORG_ADMIN);
        identity.grant(trainer.id(), organisation.getId(), Role.TRAINER);

        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        LocalDate firstDay = today.plusWeeks(6).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        List<CohortPlan.Day> days = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            days.add(new CohortPlan.Day(firstDay.plusDays(i), LocalTime.of(9, 30), LocalTime.of(16, 30)));
        }
        Cohort cohort = scheduling.plan(
                organisation.organisationId(),
                new CohortPlan(
                        "core",
                        "Core training, "
                                + firstDay.getMonth()
                                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK)
                                + " " + firstDay.getYear(),
                        ZONE.getId(),
                        18,
                        "Tideway Community Hall",
                        "4 Quay Lane, Galway",
                        null,
                        today,
                        firstDay.minusWeeks(1),
                        days,
                        null));
        scheduling.recordQualification(
                organisation.organisationId(),
                trainer.id(),
                io.mutuality.scheduling.Qualification.TRAIN_THE_TRAINER,
                "Demo data: completed Train-the-Trainer",
                admin.id());
        scheduling.book(organisation.organisationId(), cohort.cohortId(), trainer.id(), true);
        scheduling.openRegistration(organisation.organisationId(), cohort.cohortId());

        LOG.infof(
                """

                ------------------------------------------------------------------
                 Demo data created (shown once; turn off with MUTUALITY_DEMO_ENABLED=false)
                   organisation: %s
                   org admin:    %s
                   trainer:      %s
                   password:     %s
                   cohort:       %s, first day %s
                ------------------------------------------------------------------""",
                organisation.getName(),
                ADMIN_EMAIL,
                TRAINER_EMAIL,
                DemoConfig.PUBLIC_PASSWORD.equals(config.password())
                        ? config.password()
                        : "(the one set in MUTUALITY_DEMO_PASSWORD)",
                cohort.getTitle(),
                firstDay);
    }
}
