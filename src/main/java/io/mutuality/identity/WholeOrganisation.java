package io.mutuality.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint under {@code /cohorts/{cohortId}} that every member of the organisation may
 * call: the cohort's schedule (its dates, trainers, curriculum, calendar), nothing about its
 * people. Every other cohort endpoint open to trainers is open only to the trainers booked on
 * that cohort (and the organisation's admins); {@link TenantGuard} checks it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WholeOrganisation {}
