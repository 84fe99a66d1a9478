-- A co-reflection session a cohort can plan after its course: when, where (a place or a link),
-- and a note. One per cohort.
alter table cohort add column follow_up_date date;
alter table cohort add column follow_up_starts_at time;
alter table cohort add column follow_up_ends_at time;
alter table cohort add column follow_up_place varchar(500);
alter table cohort add column follow_up_note varchar(500);
