-- Registration: seats split into pools, people registered or waiting in order, offers of freed
-- seats that expire, and a record of every registration email so that each is sent once.

create table cohort_seating (
    cohort_id    uuid primary key references cohort (id) on delete cascade,
    offer_hours  integer not null,
    version      bigint not null default 0
);

create table seat_pool (
    cohort_id       uuid not null references cohort_seating (cohort_id) on delete cascade,
    position        integer not null,
    code            varchar(40)  not null,
    name            varchar(120) not null,
    seats           integer not null,
    open_to_public  boolean not null,
    constraint seat_pool_pk primary key (cohort_id, position)
);

create table registration (
    id                 uuid primary key,
    cohort_id          uuid not null references cohort (id) on delete cascade,
    organisation_id    uuid not null references organisation (id),
    pool               varchar(40)  not null,
    name               varchar(120) not null,
    email              varchar(320) not null,
    email_key          varchar(320) not null,
    access_needs       varchar(1000),
    dietary_needs      varchar(1000),
    status             varchar(20)  not null,
    waitlist_position  bigint,
    offer_expires_at   timestamp with time zone,
    manage_token_hash  varchar(64)  not null unique,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint not null default 0,
    constraint registration_once unique (cohort_id, email_key)
);
create index registration_cohort on registration (cohort_id, status);
create index registration_offers on registration (status, offer_expires_at);

-- Reminders sent: the primary key is what makes each reminder go once, even when the job runs
-- twice or on two nodes at the same moment.
create table registration_reminder (
    registration_id  uuid not null references registration (id) on delete cascade,
    kind             varchar(20) not null,
    sent_at          timestamp with time zone not null,
    constraint registration_reminder_pk primary key (registration_id, kind)
);
