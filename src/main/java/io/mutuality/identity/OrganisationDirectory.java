package io.mutuality.identity;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** Names of organisations, for showing memberships. Implemented by the scheduling feature. */
public interface OrganisationDirectory {

    Map<UUID, String> names(Collection<UUID> organisationIds);
}
