package io.mutuality.live.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reframing board as the whole room saw it, for the day's summary: each exercise's
 * statements with the rewrites shared with everyone (named or not), which were highlighted,
 * and the example rewrites the facilitator showed. Withdrawn and erased rewrites are left out.
 */
final class ReframeSummary implements Activity.SummaryPart {

    private final List<Map<String, Object>> reframing = new ArrayList<>();
    private final Map<String, Map<String, Object>> statements = new HashMap<>();
    private final Map<String, Map<String, Object>> entries = new HashMap<>();

    @Override
    public String key() {
        return "reframing";
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(RoomEvent event) {
        Map<String, Object> d = event.data();
        switch (event.kind()) {
            case "reframe.launched" -> {
                List<Map<String, Object>> board = new ArrayList<>();
                for (Map<String, Object> st : (List<Map<String, Object>>) d.get("statements")) {
                    Map<String, Object> statement = new LinkedHashMap<>();
                    statement.put("statement", st.get("text"));
                    statement.put("rewrites", new ArrayList<Map<String, Object>>());
                    statements.put(d.get("exerciseId") + "/" + st.get("statementId"), statement);
                    board.add(statement);
                }
                reframing.add(new LinkedHashMap<>(
                        Map.of("at", event.at().toString(), "mode", d.get("mode"), "statements", board)));
            }
            case "reframe.shared" -> shared(d);
            case "reframe.withdrawn" -> {
                Map<String, Object> entry = entries.remove((String) d.get("entryId"));
                if (entry != null) {
                    statements.values().forEach(st -> ((List<Map<String, Object>>) st.get("rewrites")).remove(entry));
                }
            }
            case "reframe.highlighted" -> {
                Map<String, Object> entry = entries.get((String) d.get("entryId"));
                if (entry != null) {
                    entry.put("highlighted", Boolean.TRUE.equals(d.get("on")));
                }
            }
            case "reframe.examples-shown" -> {
                Map<String, Object> statement = statements.get(d.get("exerciseId") + "/" + d.get("statementId"));
                if (statement != null) {
                    statement.put("examples", d.get("rewrites"));
                }
            }
            default -> {}
        }
    }

    @SuppressWarnings("unchecked")
    private void shared(Map<String, Object> d) {
        Map<String, Object> statement = statements.get(d.get("exerciseId") + "/" + d.get("statementId"));
        Map<String, Object> exercise = reframing.isEmpty() ? null : reframing.get(reframing.size() - 1);
        if (statement == null && exercise != null) {
            // a rewrite of a statement someone put in their own words in pairs: the statement itself stayed in the pair
            statement = statements.computeIfAbsent(d.get("exerciseId") + "/own", k -> {
                Map<String, Object> own = new LinkedHashMap<>();
                own.put("statement", null);
                own.put("rewrites", new ArrayList<Map<String, Object>>());
                ((List<Map<String, Object>>) exercise.get("statements")).add(own);
                return own;
            });
        }
        if (statement != null && !Boolean.TRUE.equals(d.get("erased"))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("text", d.get("text"));
            if (d.containsKey("name")) {
                entry.put("name", d.get("name"));
            }
            entry.put("highlighted", false);
            entries.put((String) d.get("entryId"), entry);
            ((List<Map<String, Object>>) statement.get("rewrites")).add(entry);
        }
    }

    @Override
    public Object result() {
        return reframing;
    }
}
