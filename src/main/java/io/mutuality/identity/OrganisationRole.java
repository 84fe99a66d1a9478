package io.mutuality.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The organisation role an endpoint under {@code /organisations/{organisationId}} needs.
 * Without it, any member of the organisation may call it. Checked by {@link TenantGuard}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface OrganisationRole {
    Role value();
}
