-- Sign-in sessions, lockout, invitations, the audit log, platform secrets, and the first
-- pieces of the live room: rooms with join codes and the participants who join them.

alter table account add column failed_sign_ins integer not null default 0;
alter table account add column locked_until timestamp with time zone;

create table web_session (
    id            uuid primary key,
    token_hash    varchar(64) not null unique,
    csrf_token    varchar(64) not null,
    account_id    uuid not null references account (id) on delete cascade,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null
);
create index web_session_account on web_session (account_id);

create table invitation (
    id               uuid primary key,
    organisation_id  uuid not null references organisation (id),
    email            varchar(320) not null,
    role             varchar(20) not null,
    token_hash       varchar(64) not null unique,
    invited_by       uuid not null references account (id),
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    accepted_at      timestamp with time zone,
    withdrawn_at     timestamp with time zone
);
create index invitation_organisation on invitation (organisation_id);

create table audit_entry (
    id               uuid primary key,
    organisation_id  uuid references organisation (id),
    actor_id         uuid,
    actor_name       varchar(120) not null,
    action           varchar(60) not null,
    target           varchar(320),
    detail           varchar(500),
    at               timestamp with time zone not null
);
create index audit_entry_organisation on audit_entry (organisation_id, at);

create table platform_secret (
    name        varchar(60) primary key,
    secret      varchar(200) not null,
    created_at  timestamp with time zone not null
);

create table room (
    id               uuid primary key,
    code             varchar(12) not null unique,
    organisation_id  uuid not null references organisation (id),
    cohort_id        uuid not null references cohort (id),
    day_number       integer not null,
    opened_by        uuid not null references account (id),
    opened_at        timestamp with time zone not null,
    closes_at        timestamp with time zone not null,
    constraint room_once_a_day unique (cohort_id, day_number)
);

create table participant (
    id                 uuid primary key,
    organisation_id    uuid not null references organisation (id),
    cohort_id          uuid not null references cohort (id),
    display_name       varchar(40),
    email              varchar(320),
    device_token_hash  varchar(64),
    joined_at          timestamp with time zone not null,
    erased_at          timestamp with time zone
);
create index participant_cohort on participant (cohort_id);
create index participant_device on participant (device_token_hash);

create table room_attendance (
    room_id         uuid not null references room (id) on delete cascade,
    participant_id  uuid not null references participant (id) on delete cascade,
    joined_at       timestamp with time zone not null,
    constraint room_attendance_once primary key (room_id, participant_id)
);
