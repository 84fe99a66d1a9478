package io.mutuality.live.engine;

import static io.mutuality.live.engine.Reframing.*;
import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writing in the reframing exercise: a person's own statement in pairs, rewrites checked by the
 * language lens (compared within a pair), and sharing with a name, without one, or not at all.
 * Part of {@link Reframing}.
 */
final class ReframeWriting {

    private ReframeWriting() {}

    static Decision ownStatement(
            RoomState state, ReframeState x, Actor actor, Command.ReframeStatement c, Instant now) {
        if (!x.mode.equals("pairs") || !x.pairOf.containsKey(actor.id())) {
            return reject("conflict", "Own statements are for the pairs version of the exercise.");
        }
        if (!text(c.text(), MAX_STATEMENT)) {
            return reject("invalid", "A statement needs 1 to " + MAX_STATEMENT + " characters.");
        }
        List<UUID> pair = x.pairMembers(actor.id());
        UUID rewriter = pair.get(Math.floorMod(pair.indexOf(actor.id()) - 1, pair.size()));
        String held = x.holds.get(actor.id());
        if (held != null && x.rewrites.containsKey(ReframeState.key(rewriter, held))) {
            return reject("conflict", "Your partner has already rewritten the statement you hold.");
        }
        return accept(event(
                now,
                "reframe.statement-set",
                Visibility.group(pair),
                actor.id(),
                "exerciseId",
                x.id,
                "pairId",
                x.pairOf.get(actor.id()),
                "statementId",
                "s" + (state.lastSeq() + 1),
                "text",
                c.text().strip(),
                "participantId",
                actor.id().toString()));
    }

    static Decision write(RoomState state, ReframeState x, Actor actor, Command.ReframeWrite c, Instant now) {
        if (c.statementId() == null || !x.statements.containsKey(c.statementId())) {
            return reject("not-found", "There is no such statement in this exercise.");
        }
        if (x.mode.equals("pairs") && !c.statementId().equals(x.rewritesStatement.get(actor.id()))) {
            return reject("conflict", "In pairs, you rewrite the statement your partner holds.");
        }
        if (!text(c.text(), MAX_REWRITE)) {
            return reject("invalid", "A rewrite needs 1 to " + MAX_REWRITE + " characters.");
        }
        String text = c.text().strip();
        ReframeState.Rewrite earlier = x.rewrites.get(ReframeState.key(actor.id(), c.statementId()));
        String rewriteId = earlier != null ? earlier.id() : "w" + (state.lastSeq() + 1);
        List<Map<String, Object>> marks = new ArrayList<>();
        for (RoomLibrary.LensMark mark : state.library.lens(text)) {
            marks.add(Map.of(
                    "start",
                    mark.start(),
                    "end",
                    mark.end(),
                    "text",
                    mark.text(),
                    "term",
                    mark.term(),
                    "category",
                    mark.category()));
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(
                now,
                "reframe.written",
                Visibility.person(actor.id()),
                actor.id(),
                "exerciseId",
                x.id,
                "statementId",
                c.statementId(),
                "rewriteId",
                rewriteId,
                "text",
                text,
                "marks",
                marks));
        if (x.mode.equals("pairs")) {
            List<UUID> pair = x.pairMembers(actor.id());
            List<Map<String, Object>> compared = new ArrayList<>();
            for (UUID member : pair) {
                String statementId = x.rewritesStatement.get(member);
                ReframeState.Rewrite rewrite = member.equals(actor.id())
                        ? new ReframeState.Rewrite(rewriteId, text)
                        : statementId == null ? null : x.rewrites.get(ReframeState.key(member, statementId));
                if (rewrite == null) {
                    compared = null;
                    break;
                }
                compared.add(Map.of(
                        "statementId",
                        statementId,
                        "statement",
                        x.statements.get(statementId),
                        "participantId",
                        member.toString(),
                        "name",
                        x.names.getOrDefault(member, ""),
                        "text",
                        rewrite.text()));
            }
            if (compared != null && pair.size() > 1) {
                events.add(event(
                        now,
                        "reframe.compared",
                        Visibility.people(pair),
                        actor.id(),
                        "exerciseId",
                        x.id,
                        "pairId",
                        x.pairOf.get(actor.id()),
                        "rewrites",
                        compared));
            }
        }
        return new Decision.Accepted(events);
    }

    static Decision share(RoomState state, ReframeState x, Actor actor, Command.ReframeShare c, Instant now) {
        if (!x.phase.equals("reveal")) {
            return reject("conflict", "Sharing opens when the facilitator reveals the rewrites.");
        }
        if (c.statementId() == null || !x.statements.containsKey(c.statementId())) {
            return reject("not-found", "There is no such statement in this exercise.");
        }
        if (c.as() == null || !List.of("named", "anonymous", "none").contains(c.as())) {
            return reject("invalid", "as is named, anonymous or none.");
        }
        if (c.as().equals("none")) {
            return accept(event(
                    now,
                    "reframe.kept",
                    Visibility.person(actor.id()),
                    actor.id(),
                    "exerciseId",
                    x.id,
                    "statementId",
                    c.statementId()));
        }
        ReframeState.Rewrite rewrite = x.rewrites.get(ReframeState.key(actor.id(), c.statementId()));
        if (rewrite == null) {
            return reject("not-found", "You have not written a rewrite of that statement.");
        }
        if (x.sharedBy(actor.id(), c.statementId()) != null) {
            return reject(
                    "conflict", "You have already shared this rewrite; take it back first to share it differently.");
        }
        String entryId = "e" + (state.lastSeq() + 1);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("exerciseId", x.id);
        named.put("entryId", entryId);
        named.put("statementId", c.statementId());
        named.put("text", rewrite.text());
        named.put("participantId", actor.id().toString());
        named.put("name", actor.name());
        if (c.as().equals("named")) {
            return accept(new RoomEvent(0, now, "reframe.shared", named, Visibility.EVERYONE, actor.id()));
        }
        Map<String, Object> anonymous = new LinkedHashMap<>(named);
        anonymous.remove("participantId");
        anonymous.remove("name");
        Map<String, Object> mine = new LinkedHashMap<>(named);
        mine.put("mine", true);
        return new Decision.Accepted(List.of(
                new RoomEvent(0, now, "reframe.shared", anonymous, Visibility.everyoneExcept(actor.id()), actor.id()),
                new RoomEvent(0, now, "reframe.shared", mine, Visibility.person(actor.id()), actor.id())));
    }
}
