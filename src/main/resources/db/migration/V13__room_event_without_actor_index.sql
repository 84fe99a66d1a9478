-- Every event written to a room's log also went into an index on its author, used only to find
-- one participant's events for their export or erasure. Those now look in the rooms the
-- participant joined (room_attendance), through the log's own key (room_id, seq), and the room's
-- busiest write path no longer maintains a second index.
drop index room_event_actor;
