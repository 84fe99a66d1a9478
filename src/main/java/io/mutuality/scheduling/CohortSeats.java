package io.mutuality.scheduling;

import io.mutuality.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * How other features change a cohort's seats: registration counts who holds a seat and tells the
 * cohort whether its public seats are all taken; the cohort decides what that does to its status
 * (an open cohort becomes full, a full one open again, any other status stays).
 */
@ApplicationScoped
public class CohortSeats {

    /**
     * Records whether every public seat of the cohort is taken. It runs in the caller's
     * transaction under the cohort's lock ({@link SchedulingService#lock}), which the caller took
     * before counting seats, so the count and the status agree.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void allTaken(CohortId cohortId, boolean allTaken) {
        Cohort cohort = Cohort.<Cohort>findByIdOptional(
                        cohortId.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.seatsFilled(allTaken);
    }
}
