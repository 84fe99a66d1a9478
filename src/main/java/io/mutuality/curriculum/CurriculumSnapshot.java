package io.mutuality.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** The resolved content of one course version (or variant revision), as cohorts planned with it run it. */
@Entity
@Table(name = "curriculum_snapshot")
public class CurriculumSnapshot extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "source", length = 64)
        String source;

        @Column(name = "version", length = 32)
        String version;

        protected Key() {}

        Key(String source, String version) {
            this.source = source;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.source.equals(source) && key.version.equals(version);
        }

        @Override
        public int hashCode() {
            return Objects.hash(source, version);
        }
    }

    @EmbeddedId
    Key key;

    @Column(name = "content_hash", nullable = false, length = 64)
    String contentHash;

    @Column(nullable = false, length = 1_000_000)
    String content;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
