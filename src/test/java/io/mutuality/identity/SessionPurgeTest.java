package io.mutuality.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.TestData;
import io.mutuality.cluster.OtherNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionPurgeTest {

    @Inject
    SessionService sessions;

    @Inject
    IdentityService identity;

    @Test
    void expiredSessionsAreDeletedAndLiveOnesKept() {
        Account account =
                identity.openAccount("purge-" + System.nanoTime() + "@example.test", "Pat", TestData.PASSWORD);
        WebSession.Started live = sessions.start(account.id());
        WebSession.Started old = sessions.start(account.id());
        QuarkusTransaction.requiringNew()
                .run(() -> WebSession.<WebSession>findById(old.session().id).expiresAt =
                        Instant.now().minusSeconds(1));

        assertThat(sessions.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(sessions.resolve(live.token())).isPresent();
        WebSession gone = QuarkusTransaction.requiringNew().call(() -> WebSession.findById(old.session().id));
        assertThat(gone).isNull();
    }

    @Test
    void theScheduledPurgeIsLeftToTheNodeAlreadyPurging() {
        Account account =
                identity.openAccount("purge-held-" + System.nanoTime() + "@example.test", "Pat", TestData.PASSWORD);
        WebSession.Started old = sessions.start(account.id());
        QuarkusTransaction.requiringNew()
                .run(() -> WebSession.<WebSession>findById(old.session().id).expiresAt =
                        Instant.now().minusSeconds(1));

        try (OtherNode other = OtherNode.holding(SessionService.PURGE)) {
            sessions.purgeOnSchedule();
            WebSession kept = QuarkusTransaction.requiringNew().call(() -> WebSession.findById(old.session().id));
            assertThat(kept).isNotNull();
        }
        sessions.purgeOnSchedule();
        WebSession gone = QuarkusTransaction.requiringNew().call(() -> WebSession.findById(old.session().id));
        assertThat(gone).isNull();
    }
}
