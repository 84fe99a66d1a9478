package io.mutuality.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records administrative actions; organisation admins read their organisation's entries. */
@ApplicationScoped
public class AuditLog {

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** Records an action by the current caller (or by the system when nobody is signed in). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID organisationId, String action, String target, String detail) {
        recordAs(
                caller.account()
                        .flatMap(id -> Account.<Account>findByIdOptional(id.value()))
                        .orElse(null),
                organisationId,
                action,
                target,
                detail);
    }

    /** Records an action whose actor is not the signed-in caller (for example someone accepting an invitation). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(Account actor, UUID organisationId, String action, String target, String detail) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.organisationId = organisationId;
        entry.actorId = actor == null ? null : actor.id;
        entry.actorName = actor == null ? "Mutuality" : actor.displayName();
        entry.action = action;
        entry.target = clip(target, 320);
        entry.detail = clip(detail, 500);
        entry.at = clock.instant();
        entry.persist();
    }

    public List<AuditEntry> entries(UUID organisationId, int limit) {
        return AuditEntry.<AuditEntry>find("organisationId = ?1 order by at desc, id", organisationId)
                .page(0, limit)
                .list();
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
