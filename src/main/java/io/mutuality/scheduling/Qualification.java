package io.mutuality.scheduling;

/** What a trainer has completed, as it matters for booking them. */
public enum Qualification {
    /** Completed the Core training. */
    CORE,
    /** Completed Train-the-Trainer: needed to lead a Core training. */
    TRAIN_THE_TRAINER
}
