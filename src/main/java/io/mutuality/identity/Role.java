package io.mutuality.identity;

/** What a person may do within one organisation. */
public enum Role {
    /** Manages the organisation's members, cohorts and settings. */
    ORG_ADMIN,
    /** Runs training days and the live rooms of the cohorts they are booked on. */
    TRAINER;

    /** The role as people say it. */
    public String words() {
        return this == ORG_ADMIN ? "organisation admin" : "trainer";
    }
}
