package io.mutuality.scheduling;

import io.mutuality.identity.OrganisationDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Gives identity the names of organisations without it reading scheduling's tables. */
@ApplicationScoped
public class OrganisationNames implements OrganisationDirectory {

    @Override
    public Map<UUID, String> names(Collection<UUID> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return Organisation.<Organisation>list("id in ?1", organisationIds).stream()
                .collect(Collectors.toMap(Organisation::getId, Organisation::getName));
    }
}
