package io.mutuality.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/** An organisation's completion rule for one course, as stored. */
@Entity
@Table(name = "completion_rule")
public class CompletionRuleEntity extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "organisation_id")
        UUID organisationId;

        @Column(name = "course_id", length = 64)
        String courseId;

        protected Key() {}

        Key(UUID organisationId, String courseId) {
            this.organisationId = organisationId;
            this.courseId = courseId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.organisationId.equals(organisationId) && k.courseId.equals(courseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(organisationId, courseId);
        }
    }

    @EmbeddedId
    Key key;

    @Column(name = "must_attend_days", nullable = false, length = 40)
    String mustAttendDays;

    @Column(name = "max_minutes_missed", nullable = false)
    int maxMinutesMissed;

    @Column(nullable = false, length = 10)
    String otherwise;

    protected CompletionRuleEntity() {}

    static CompletionRuleEntity of(UUID organisationId, String courseId) {
        CompletionRuleEntity e = new CompletionRuleEntity();
        e.key = new Key(organisationId, courseId);
        return e;
    }

    void set(Completion.Rule rule) {
        mustAttendDays = rule.mustAttendDays().stream().map(String::valueOf).collect(Collectors.joining(","));
        maxMinutesMissed = rule.maxMinutesMissed();
        otherwise = rule.otherwise().name();
    }

    Completion.Rule rule() {
        List<Integer> days = mustAttendDays.isBlank()
                ? List.of()
                : Arrays.stream(mustAttendDays.split(",")).map(Integer::valueOf).toList();
        return new Completion.Rule(days, maxMinutesMissed, Completion.Otherwise.valueOf(otherwise));
    }
}
