package io.mutuality.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A key the platform made for itself on first start, shared by every node through the database. */
@Entity
@Table(name = "platform_secret")
public class PlatformSecret extends PanacheEntityBase {

    @Id
    @Column(length = 60)
    String name;

    @Column(nullable = false, length = 200)
    String secret;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
