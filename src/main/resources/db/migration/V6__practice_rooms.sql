-- Practice rooms: live rooms an organisation opens outside a scheduled training day, with a
-- title of their own and no cohort, agenda or attendance.
alter table room alter column cohort_id drop not null;
alter table room alter column day_number drop not null;
alter table room add column title varchar(200);
alter table participant alter column cohort_id drop not null;
