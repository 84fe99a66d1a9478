-- Expressions of interest: people who would like a course in a place where no cohort is planned yet.
create table interest (
    id                 uuid primary key,
    organisation_id    uuid not null references organisation (id),
    course_id          varchar(64)  not null,
    place              varchar(120) not null,
    place_key          varchar(120) not null,
    name               varchar(120) not null,
    email              varchar(320) not null,
    email_key          varchar(320) not null,
    created_at         timestamp with time zone not null,
    invited_at         timestamp with time zone,
    invited_cohort_id  uuid references cohort (id),
    constraint interest_once unique (organisation_id, course_id, place_key, email_key)
);
create index interest_demand on interest (organisation_id, course_id, place_key);
