-- The foundation schema: organisations (tenants), accounts and their memberships, cohorts
-- with their training days and trainers. Portable SQL: it runs on H2 and PostgreSQL alike.

create table organisation (
    id          uuid primary key,
    slug        varchar(80)  not null unique,
    name        varchar(200) not null,
    time_zone   varchar(64)  not null,
    created_at  timestamp with time zone not null
);

create table account (
    id              uuid primary key,
    email           varchar(320) not null unique,
    display_name    varchar(120) not null,
    password_hash   varchar(100) not null,
    platform_admin  boolean not null default false,
    created_at      timestamp with time zone not null
);

create table membership (
    id               uuid primary key,
    account_id       uuid not null references account (id),
    organisation_id  uuid not null references organisation (id),
    role             varchar(20) not null,
    created_at       timestamp with time zone not null,
    constraint membership_once unique (account_id, organisation_id)
);
create index membership_organisation on membership (organisation_id);

create table cohort (
    id                   uuid primary key,
    organisation_id      uuid not null references organisation (id),
    course_id            varchar(64)  not null,
    title                varchar(200) not null,
    time_zone            varchar(64)  not null,
    capacity             integer not null,
    status               varchar(20)  not null,
    venue_name           varchar(200),
    venue_address        varchar(500),
    online_link          varchar(500),
    registration_opens   date,
    registration_closes  date,
    created_at           timestamp with time zone not null,
    version              bigint not null default 0
);
create index cohort_organisation on cohort (organisation_id);

create table training_day (
    id          uuid primary key,
    cohort_id   uuid not null references cohort (id) on delete cascade,
    day_number  integer not null,
    day_date    date not null,
    starts_at   time not null,
    ends_at     time not null,
    constraint training_day_once unique (cohort_id, day_number)
);

create table cohort_trainer (
    cohort_id   uuid not null references cohort (id) on delete cascade,
    account_id  uuid not null references account (id),
    lead        boolean not null,
    constraint cohort_trainer_once primary key (cohort_id, account_id)
);
