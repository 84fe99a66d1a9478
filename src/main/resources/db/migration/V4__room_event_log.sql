-- The live room's event log: every change to a room, in order, with who may see it.
-- Room state is the fold of this log; nothing acknowledged is ever only in memory.

create table room_event (
    room_id     uuid not null references room (id) on delete cascade,
    seq         bigint not null,
    kind        varchar(40) not null,
    scope       varchar(30) not null,    -- EVERYONE, FACILITATORS, PERSON, FACILITATORS_AND_PERSON, EVERYONE_EXCEPT
    person      uuid,                    -- the person PERSON / ..._AND_PERSON / EVERYONE_EXCEPT names
    actor_id    uuid,
    data        varchar(20000) not null, -- JSON
    created_at  timestamp with time zone not null,
    constraint room_event_pk primary key (room_id, seq)
);
create index room_event_actor on room_event (actor_id);

-- The first answer to every command id, so that a retried command gets the same answer.
create table room_command (
    room_id     uuid not null references room (id) on delete cascade,
    actor_id    uuid not null,
    command_id  varchar(64) not null,
    response    varchar(4000) not null,
    created_at  timestamp with time zone not null,
    constraint room_command_pk primary key (room_id, actor_id, command_id)
);
