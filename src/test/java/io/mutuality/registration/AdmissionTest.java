package io.mutuality.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import io.mutuality.registration.Admission.Placement;
import io.mutuality.registration.Admission.PoolState;
import io.mutuality.registration.Admission.Prerequisite;
import io.mutuality.registration.Admission.Window;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may register and where they land, without Quarkus or a database. */
class AdmissionTest {

    private static final LocalDate OPENS = LocalDate.parse("2027-02-01");
    private static final LocalDate CLOSES = LocalDate.parse("2027-02-20");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2027-03-01");
    private static final Window OPEN = new Window(true, OPENS, CLOSES, FIRST_DAY);

    private static final List<Seating.Pool> POOLS = List.of(
            new Seating.Pool("staff", "Our staff", 4, false),
            new Seating.Pool("open", "Open seats", 8, true),
            new Seating.Pool("bursary", "Bursary seats", 2, true));

    @Test
    void theWindowIsOpenFromItsFirstDayToItsLastInclusive() {
        assertThat(Admission.closedBecause(OPEN, OPENS)).isEmpty();
        assertThat(Admission.closedBecause(OPEN, CLOSES)).isEmpty();
        assertThat(Admission.closedBecause(OPEN, OPENS.minusDays(1)))
                .contains("Registration opens on 1 February 2027.");
        assertThat(Admission.closedBecause(OPEN, CLOSES.plusDays(1)))
                .contains("Registration closed on 20 February 2027.");
    }

    @Test
    void withoutDatesRegistrationRunsUntilTheTrainingBegins() {
        Window open = new Window(true, null, null, FIRST_DAY);
        assertThat(Admission.closedBecause(open, FIRST_DAY.minusDays(1))).isEmpty();
        assertThat(Admission.closedBecause(open, FIRST_DAY)).contains("Registration closed when the training began.");
    }

    @Test
    void aCohortThatTakesNoRegistrationsIsClosedWhateverTheDate() {
        Window closed = new Window(false, OPENS, CLOSES, FIRST_DAY);
        assertThat(Admission.closedBecause(closed, OPENS.plusDays(3)))
                .contains("Registration for this cohort is closed.");
        assertThatThrownBy(() -> Admission.requireOpen(closed, OPENS.plusDays(3)))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.CONFLICT));
    }

    @Test
    void thePublicPageSaysOpenWaitlistNotYetOrClosed() {
        assertThat(Admission.publicState(OPEN, OPENS, true)).isEqualTo("open");
        assertThat(Admission.publicState(OPEN, OPENS, false)).isEqualTo("waitlist");
        assertThat(Admission.publicState(OPEN, OPENS.minusDays(1), true)).isEqualTo("not-yet");
        assertThat(Admission.publicState(OPEN, CLOSES.plusDays(1), true)).isEqualTo("closed");
        assertThat(Admission.publicState(new Window(false, OPENS, CLOSES, FIRST_DAY), OPENS.minusDays(1), true))
                .isEqualTo("closed");
    }

    @Test
    void aMissingPrerequisiteIsRefusedAgainstTheCertificateCodeWithTheCourseTitle() {
        List<Prerequisite> needed = List.of(new Prerequisite("core", "Core"));
        assertThatThrownBy(() -> Admission.requirePrerequisites(needed, course -> false, null))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.type()).isEqualTo(ProblemType.RULE_VIOLATION);
                    assertThat(e.errors())
                            .singleElement()
                            .satisfies(f -> assertThat(f.field()).isEqualTo("certificateCode"));
                    assertThat(e.getMessage()).contains("completed Core").contains("Give the code");
                });
        assertThatThrownBy(() -> Admission.requirePrerequisites(needed, course -> false, "MUT-XXXX"))
                .hasMessageContaining("not a standing certificate for Core");
        Admission.requirePrerequisites(needed, Set.of("core")::contains, "MUT-XXXX");
        Admission.requirePrerequisites(List.of(), course -> false, null);
    }

    @Test
    void thePublicGetTheFirstPublicPoolAndOnlyPublicPoolsAdminsAnyPool() {
        assertThat(Admission.pool(POOLS, null, true).code()).isEqualTo("open");
        assertThat(Admission.pool(POOLS, " ", false).code()).isEqualTo("open");
        assertThat(Admission.pool(POOLS, "bursary", true).code()).isEqualTo("bursary");
        assertThat(Admission.pool(POOLS, "staff", false).code()).isEqualTo("staff");
        assertThatThrownBy(() -> Admission.pool(POOLS, "staff", true))
                .hasMessage("There is no pool 'staff' to register in.");
        assertThatThrownBy(() -> Admission.pool(POOLS, "vip", false))
                .hasMessage("There is no pool 'vip' in this cohort.");
        assertThatThrownBy(() -> Admission.pool(List.of(POOLS.get(0)), null, false))
                .hasMessage("This cohort has no seats open to the public.");
    }

    @Test
    void aFreeSeatWithNobodyWaitingIsTakenOtherwiseThePersonWaits() {
        assertThat(Admission.place(null, true, "a@b.test", new PoolState(2, 1, false)))
                .isEqualTo(Placement.CONFIRMED);
        assertThat(Admission.place(null, true, "a@b.test", new PoolState(2, 2, false)))
                .isEqualTo(Placement.WAITLISTED);
        // a seat freed while someone waits is theirs (it is being offered), not the newcomer's
        assertThat(Admission.place(null, true, "a@b.test", new PoolState(2, 1, true)))
                .isEqualTo(Placement.WAITLISTED);
    }

    @Test
    void anEmailAlreadyRegisteredIsSentItsLinkOnThePublicPageAndRefusedToAnAdmin() {
        for (RegistrationStatus active :
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED, RegistrationStatus.WAITLISTED)) {
            assertThat(Admission.place(active, true, "a@b.test", new PoolState(2, 0, false)))
                    .isEqualTo(Placement.SEND_LINK_AGAIN);
            assertThatThrownBy(() -> Admission.place(active, false, " a@b.test ", new PoolState(2, 0, false)))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.type()).isEqualTo(ProblemType.CONFLICT);
                        assertThat(e.getMessage()).contains("already registered for this cohort with a@b.test.");
                    });
        }
    }

    @Test
    void someoneWhoseEarlierRegistrationEndedRegistersAfresh() {
        for (RegistrationStatus ended :
                List.of(RegistrationStatus.CANCELLED, RegistrationStatus.EXPIRED, RegistrationStatus.DECLINED)) {
            assertThat(Admission.place(ended, true, "a@b.test", new PoolState(2, 0, false)))
                    .isEqualTo(Placement.CONFIRMED);
            assertThat(Admission.place(ended, false, "a@b.test", new PoolState(2, 2, false)))
                    .isEqualTo(Placement.WAITLISTED);
        }
    }
}
