package io.mutuality.scheduling;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A body that runs IPS trainings: a peer-run service, a health service, a training organisation. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 80)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Organisation() {}

    static Organisation found(String name, String slug, ZoneId zone, Clock clock) {
        Organisation organisation = new Organisation();
        organisation.id = UUID.randomUUID();
        organisation.name = io.mutuality.common.Text.name("name", name);
        organisation.slug = slug;
        organisation.timeZone = zone.getId();
        organisation.createdAt = clock.instant();
        return organisation;
    }

    public OrganisationId organisationId() {
        return new OrganisationId(id);
    }

    public UUID getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
