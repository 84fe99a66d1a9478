-- Completion: each organisation's rule per course, trainers' attendance marks per registration
-- and day (otherwise attendance comes from the live room), and certificates with their codes.

create table completion_rule (
    organisation_id     uuid not null references organisation (id),
    course_id           varchar(64) not null,
    must_attend_days    varchar(40) not null,
    max_minutes_missed  integer not null,
    otherwise           varchar(10) not null,
    constraint completion_rule_pk primary key (organisation_id, course_id)
);

create table attendance_mark (
    registration_id  uuid not null references registration (id) on delete cascade,
    day_number       integer not null,
    minutes_missed   integer not null,
    note             varchar(200),
    marked_by        uuid,
    marked_at        timestamp with time zone not null,
    constraint attendance_mark_pk primary key (registration_id, day_number)
);

create table certificate (
    id                 uuid primary key,
    code               varchar(20) not null unique,
    registration_id    uuid not null unique references registration (id),
    organisation_id    uuid not null references organisation (id),
    cohort_id          uuid not null references cohort (id),
    course_id          varchar(64) not null,
    holder_name        varchar(120) not null,
    holder_email_key   varchar(320) not null,
    course_title       varchar(200) not null,
    organisation_name  varchar(200) not null,
    first_day          date not null,
    last_day           date not null,
    trainers           varchar(1000) not null,
    issued_at          timestamp with time zone not null,
    revoked_at         timestamp with time zone,
    revoked_reason     varchar(300)
);
create index certificate_holder on certificate (holder_email_key, course_id);
