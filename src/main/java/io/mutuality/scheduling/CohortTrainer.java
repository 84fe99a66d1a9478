package io.mutuality.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** A trainer booked on a cohort; one of them leads. The account belongs to the identity feature. */
@Embeddable
public class CohortTrainer {

    @Column(name = "account_id", nullable = false)
    private UUID accountId;

    @Column(name = "lead", nullable = false)
    private boolean lead;

    protected CohortTrainer() {}

    CohortTrainer(UUID accountId, boolean lead) {
        this.accountId = accountId;
        this.lead = lead;
    }

    public UUID getAccountId() {
        return accountId;
    }

    public boolean isLead() {
        return lead;
    }
}
