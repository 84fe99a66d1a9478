-- Who participants can reach during and between a cohort's days (a name, a phone and/or an
-- email, and a short note), and the working agreements the group made on day one, in order.
alter table cohort add column support_name varchar(120);
alter table cohort add column support_phone varchar(40);
alter table cohort add column support_email varchar(320);
alter table cohort add column support_note varchar(300);

create table cohort_agreement (
    cohort_id  uuid not null references cohort (id) on delete cascade,
    position   integer not null,
    statement  varchar(200) not null,
    constraint cohort_agreement_place primary key (cohort_id, position)
);
