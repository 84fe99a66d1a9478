-- What a trainer is qualified for: completed Core, completed Train-the-Trainer (needed to lead
-- Core). Entered by an organisation admin with evidence, or recorded when completed here.
create table trainer_qualification (
    id               uuid primary key,
    account_id       uuid not null references account (id),
    kind             varchar(30) not null,
    evidence         varchar(500) not null,
    source           varchar(20) not null,
    organisation_id  uuid references organisation (id),
    recorded_by      uuid references account (id),
    recorded_at      timestamp with time zone not null,
    constraint trainer_qualification_once unique (account_id, kind)
);
