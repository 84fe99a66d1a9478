package io.mutuality.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.elytron.security.common.BcryptUtil;
import org.junit.jupiter.api.Test;

class AccountPasswordTest {

    @Test
    void theHashUnknownEmailsAreCheckedAgainstIsARealBcryptHashAtTheAccountsCost() {
        String real = BcryptUtil.bcryptHash("any password");
        assertThat(Account.DUMMY_HASH).startsWith(real.substring(0, 7)); // same variant and cost: the same time spent
        assertThat(BcryptUtil.matches("no account has this password", Account.DUMMY_HASH))
                .isTrue();
        assertThat(BcryptUtil.matches("", Account.DUMMY_HASH)).isFalse();
    }
}
