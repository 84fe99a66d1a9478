package io.mutuality.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.identity.Account;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.mutuality.scheduling.Organisation;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    IdentityService identity;

    @Inject
    SchedulingService scheduling;

    private Organisation demoOrganisation() {
        return scheduling.organisations().stream()
                .filter(o -> o.getSlug().equals(DemoData.ORGANISATION_SLUG))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theDemoAccountsSignInWithThePublicPasswordWhichIsStoredOnlyAsAHash() {
        Account admin = identity.findByEmail(DemoData.ADMIN_EMAIL).orElseThrow();
        Account trainer = identity.findByEmail("TRAINER@demo.mutuality.test ").orElseThrow();
        assertThat(admin.passwordMatches(DemoConfig.PUBLIC_PASSWORD)).isTrue();
        assertThat(trainer.passwordMatches(DemoConfig.PUBLIC_PASSWORD)).isTrue();
        assertThat(admin.passwordMatches("not-the-password")).isFalse();
        assertThat(admin.toString()).doesNotContain(DemoConfig.PUBLIC_PASSWORD);
    }

    @Test
    void theAccountsHoldTheirRolesInTheDemoOrganisation() {
        var organisation = demoOrganisation();
        // other tests add members of their own to the demo organisation; the two demo accounts hold these roles
        var admin = identity.findByEmail(DemoData.ADMIN_EMAIL).orElseThrow().id();
        var trainer = identity.findByEmail(DemoData.TRAINER_EMAIL).orElseThrow().id();
        assertThat(identity.members(organisation.getId()))
                .filteredOn(m -> m.account().equals(admin) || m.account().equals(trainer))
                .extracting(m -> m.role())
                .containsExactlyInAnyOrder(Role.ORG_ADMIN, Role.TRAINER);
    }

    @Test
    void theCoreCohortStartsOnAMondayWeeksAheadWithRegistrationClosingBefore() {
        var cohort = scheduling.cohorts(demoOrganisation().organisationId()).stream()
                .filter(c -> c.getCourseId().equals("core") && c.getTitle().startsWith("Core training,"))
                .findFirst()
                .orElseThrow();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Dublin"));
        assertThat(cohort.firstDay().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(cohort.firstDay()).isAfter(today.plusWeeks(5));
        assertThat(cohort.getRegistrationCloses()).isBefore(cohort.firstDay());
        assertThat(cohort.lead()).isPresent();
    }

    @Test
    void seedingAgainChangesNothing() {
        long before = scheduling.organisations().size();
        demo.seedIfEmpty();
        assertThat(scheduling.organisations()).hasSize((int) before);
        assertThat(identity.findByEmail(DemoData.ADMIN_EMAIL)).isPresent();
    }
}
