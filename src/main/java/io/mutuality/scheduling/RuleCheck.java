package io.mutuality.scheduling;

import io.mutuality.common.Problem;
import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import java.util.ArrayList;
import java.util.List;

/** Collects every broken scheduling rule so that a person can fix them all in one go. */
final class RuleCheck {

    private final List<Problem.FieldError> broken = new ArrayList<>();

    RuleCheck require(boolean holds, String field, String message) {
        if (!holds) {
            broken.add(new Problem.FieldError(field, message));
        }
        return this;
    }

    boolean passed() {
        return broken.isEmpty();
    }

    void orThrow() {
        if (!broken.isEmpty()) {
            String detail =
                    broken.size() == 1 ? broken.get(0).message() : broken.size() + " scheduling rules are not met.";
            throw new ProblemException(ProblemType.RULE_VIOLATION, detail, broken);
        }
    }
}
