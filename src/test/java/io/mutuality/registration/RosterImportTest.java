package io.mutuality.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutuality.common.ProblemException;
import io.mutuality.registration.RosterImport.Outcome;
import io.mutuality.registration.RosterImport.Planned;
import io.mutuality.registration.RosterImport.PoolStart;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading a roster file and what each of its rows becomes, without Quarkus or a database. */
class RosterImportTest {

    private static jakarta.validation.ValidatorFactory factory;
    private static Validator validator;

    private static final Seating.Pool OPEN = new Seating.Pool("open", "Open seats", 8, true);
    private static final Seating.Pool STAFF = new Seating.Pool("staff", "Our staff", 2, false);

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static List<Planned> plan(String csv, List<PoolStart> pools, Set<String> registered) {
        return RosterImport.plan(
                RosterCsv.read(csv, validator),
                pools,
                email -> registered.contains(email.strip().toLowerCase()));
    }

    @Test
    void rowsTakeTheSeatsLeftInFileOrderAndThenWait() {
        List<Planned> planned =
                plan("""
                name,email
                Ana,ana@example.test
                Ben,ben@example.test
                Chi,chi@example.test
                """, List.of(new PoolStart(OPEN, 2, false), new PoolStart(STAFF, 2, false)), Set.of());
        assertThat(planned)
                .extracting(Planned::outcome)
                .containsExactly(Outcome.CONFIRMED, Outcome.CONFIRMED, Outcome.WAITLISTED);
        assertThat(planned).extracting(Planned::pool).containsOnly("open");
        assertThat(planned).extracting(Planned::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void whereSomeoneWaitsAlreadyEveryNewRowWaitsBehindThem() {
        List<Planned> planned =
                plan("""
                name,email,pool
                Ana,ana@example.test,open
                Ben,ben@example.test,staff
                """, List.of(new PoolStart(OPEN, 3, true), new PoolStart(STAFF, 1, false)), Set.of());
        assertThat(planned).extracting(Planned::outcome).containsExactly(Outcome.WAITLISTED, Outcome.CONFIRMED);
    }

    @Test
    void badRowsAreErrorsWithEveryProblemAndRegisterNobody() {
        List<Planned> planned = plan("""
                name,email,pool
                ,not-an-email,open
                Ben,ben@example.test,vip
                Chi,chi@example.test,open
                Chi Again,CHI@example.test,open
                Dee,dee@example.test,
                """, List.of(new PoolStart(OPEN, 8, false)), Set.of("dee@example.test"));
        assertThat(planned)
                .extracting(Planned::outcome)
                .containsExactly(
                        Outcome.ERROR, Outcome.ERROR, Outcome.CONFIRMED, Outcome.ERROR, Outcome.ALREADY_REGISTERED);
        assertThat(planned.get(0).problems())
                .anyMatch(p -> p.startsWith("name:"))
                .anyMatch(p -> p.startsWith("email:"));
        assertThat(planned.get(1).problems()).containsExactly("pool: there is no pool 'vip' in this cohort.");
        assertThat(planned.get(3).problems())
                .containsExactly("email: this address is on an earlier line of the file too.");
        assertThat(planned)
                .filteredOn(Planned::registers)
                .extracting(p -> p.request().name())
                .containsExactly("Chi");
    }

    @Test
    void theReportCountsEachOutcomeAndNamesItInWords() {
        List<Planned> planned = plan("""
                name,email
                Ana,ana@example.test
                Ben,ben@example.test
                Chi,chi@example.test
                Dee,bad
                """, List.of(new PoolStart(OPEN, 1, false)), Set.of("chi@example.test"));
        RegistrationApi.ImportReport report = RosterImport.report(true, planned);
        assertThat(report.dryRun()).isTrue();
        assertThat(List.of(report.confirmed(), report.waitlisted(), report.alreadyRegistered(), report.errors()))
                .containsExactly(1, 1, 1, 1);
        assertThat(report.rows())
                .extracting(RegistrationApi.ImportRow::outcome)
                .containsExactly("confirmed", "waitlisted", "already-registered", "error");
    }

    @Test
    void aFileWithoutTheNeededColumnsOrTooManyRowsIsRefusedWhole() {
        assertThatThrownBy(() -> RosterCsv.read("  ", validator))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> RosterCsv.read("name,pool\nAna,open\n", validator))
                .hasMessageContaining("at least name and email");
        StringBuilder many = new StringBuilder("name,email\n");
        for (int i = 0; i <= RosterCsv.MAX_ROWS; i++) {
            many.append("P").append(i).append(",p").append(i).append("@example.test\n");
        }
        assertThatThrownBy(() -> RosterCsv.read(many.toString(), validator)).hasMessageContaining("at most 500 people");
    }

    @Test
    void aLineWithTheWrongNumberOfCellsIsAnErrorOfItsOwn() {
        List<Planned> planned = plan("""
                name,email,pool
                Ana,ana@example.test,open,extra
                """, List.of(new PoolStart(OPEN, 8, false)), Set.of());
        assertThat(planned.get(0).outcome()).isEqualTo(Outcome.ERROR);
        assertThat(planned.get(0).problems()).contains("This line has 4 cells; the header has 3.");
    }
}
