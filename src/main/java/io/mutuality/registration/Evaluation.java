package io.mutuality.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One anonymous answer to a cohort's end-of-course evaluation: the cohort and the words given,
 * nothing else. It holds no registration, person or time, so it cannot be traced back to who
 * gave it; {@link Registration} keeps only that its person has answered.
 */
@Entity
@Table(name = "evaluation")
public class Evaluation extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "cohort_id", nullable = false)
    UUID cohortId;

    @Column(length = 2000)
    String helped;

    @Column(name = "got_in_the_way", length = 2000)
    String gotInTheWay;

    @Column(name = "take_with_you", length = 2000)
    String takeWithYou;

    @Column(name = "anything_else", length = 2000)
    String anythingElse;

    protected Evaluation() {}

    static Evaluation of(UUID cohortId, String helped, String gotInTheWay, String takeWithYou, String anythingElse) {
        Evaluation evaluation = new Evaluation();
        evaluation.id = UUID.randomUUID();
        evaluation.cohortId = cohortId;
        evaluation.helped = blankToNull(helped);
        evaluation.gotInTheWay = blankToNull(gotInTheWay);
        evaluation.takeWithYou = blankToNull(takeWithYou);
        evaluation.anythingElse = blankToNull(anythingElse);
        return evaluation;
    }

    /** Whether every question was passed. */
    boolean empty() {
        return helped == null && gotInTheWay == null && takeWithYou == null && anythingElse == null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
