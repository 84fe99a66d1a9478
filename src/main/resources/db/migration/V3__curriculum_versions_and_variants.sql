-- Cohorts keep the curriculum they were planned with: a snapshot of the resolved course per
-- version (or per variant revision). Organisation variants live here, not in the files.

create table curriculum_snapshot (
    source        varchar(64)  not null,   -- a course id, or variant/<uuid>
    version       varchar(32)  not null,
    content_hash  varchar(64)  not null,
    content       varchar(1000000) not null,
    created_at    timestamp with time zone not null,
    constraint curriculum_snapshot_pk primary key (source, version)
);

create table course_variant (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    course_id        varchar(64)  not null,
    base_version     varchar(32)  not null,
    name             varchar(120) not null,
    revision         integer not null,
    definition       varchar(1000000) not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null
);
create index course_variant_organisation on course_variant (organisation_id);

alter table cohort add column curriculum_source varchar(64);
alter table cohort add column curriculum_version varchar(32);
