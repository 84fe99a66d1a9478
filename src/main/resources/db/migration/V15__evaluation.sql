-- The optional, anonymous end-of-course evaluation. An answer keeps only its cohort and the
-- words given (no registration, no person, no time); the registration keeps only that its
-- person has answered, so nobody answers twice.
create table evaluation (
    id              uuid primary key,
    cohort_id       uuid not null references cohort (id) on delete cascade,
    helped          varchar(2000),
    got_in_the_way  varchar(2000),
    take_with_you   varchar(2000),
    anything_else   varchar(2000)
);
create index evaluation_cohort on evaluation (cohort_id);

alter table registration add column evaluated boolean default false not null;
