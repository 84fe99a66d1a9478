-- Attendance comes from presence in the day's room; trainers can correct it.
create table attendance_correction (
    room_id         uuid not null references room (id) on delete cascade,
    participant_id  uuid not null references participant (id) on delete cascade,
    present         boolean not null,
    minutes         integer,
    note            varchar(300),
    corrected_by    uuid not null,
    corrected_at    timestamp with time zone not null,
    constraint attendance_correction_pk primary key (room_id, participant_id)
);
