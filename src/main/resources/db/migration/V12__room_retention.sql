-- What participants wrote in a room is purged a while after the course ends (counts stay);
-- this marks the rooms already purged, so the sweep passes over them.
alter table room add column purged_at timestamp with time zone;
