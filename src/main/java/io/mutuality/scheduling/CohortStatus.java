package io.mutuality.scheduling;

/** Where a cohort is in its life, from planning to completion. */
public enum CohortStatus {
    DRAFT,
    OPEN,
    FULL,
    CLOSED,
    RUNNING,
    COMPLETED,
    CANCELLED
}
