-- Role-plays and reframing: events addressed to a set of people (a group, an observer and the
-- people a note is about), and room for a role-play's scenario texts in one event.
alter table room_event add column people varchar(2000);   -- comma-separated ids for PEOPLE / GROUP scopes
alter table room_event alter column data set data type varchar(200000);
