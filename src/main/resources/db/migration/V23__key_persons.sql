-- Key persons (重点人员), graded A/B/C, with a named responsible staff member and a contact
-- plan; and the sensitive-date calendar (敏感日期) the warning engine looks ahead to.

-- How often a key person of each grade is contacted. A community without a row for a grade
-- uses the default (A 7, B 30, C 91 days), so nothing is seeded here.
create table key_person_interval (
	community_id bigint not null references community (id),
	grade text not null check (grade in ('A', 'B', 'C')),
	days int not null check (days between 1 and 366),
	version int not null default 0,
	updated_at timestamptz not null default now(),
	primary key (community_id, grade)
);

create table key_person (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	person_id bigint not null,
	reason text not null check (length(reason) between 1 and 500),
	-- the grade the engine computed (or the designating user gave, until the engine runs), and why
	computed_grade text not null check (computed_grade in ('A', 'B', 'C')),
	computed_explanation text not null check (length(computed_explanation) between 1 and 2000),
	computed_at timestamptz not null,
	-- a person's manual override of the computed grade, always with its reason
	override_grade text check (override_grade in ('A', 'B', 'C')),
	override_reason text check (length(override_reason) between 1 and 500),
	override_by text,
	override_at timestamptz,
	responsible_user_id bigint not null,
	designated_on date not null,
	designated_by text not null,
	last_contact_on date,
	-- the last contact (or the designation) plus the effective grade's interval
	next_due date not null,
	-- the latest due day the missed-contact poller has fired for, so that each fires once
	missed_fired_for date,
	-- stopping keeps the row and its contacts as history
	ended_at timestamptz,
	ended_by text,
	ended_reason text check (length(ended_reason) between 1 and 500),
	version int not null default 0,
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, person_id) references person (community_id, id),
	foreign key (community_id, responsible_user_id) references user_account (community_id, id),
	check ((override_grade is null) = (override_reason is null)),
	check ((ended_at is null) = (ended_reason is null))
);
-- A person is a key person at most once at a time.
create unique index key_person_current on key_person (community_id, person_id) where ended_at is null;
-- The list (nearest due first) and the missed-contact poller.
create index key_person_due on key_person (community_id, next_due, id) where ended_at is null;
create index key_person_responsible on key_person (community_id, responsible_user_id) where ended_at is null;

create table key_person_contact (
	community_id bigint not null,
	id bigint generated always as identity,
	key_person_id bigint not null,
	contacted_on date not null,
	method text not null check (method in ('VISIT', 'PHONE', 'MEETING', 'OTHER')),
	summary text not null check (length(summary) between 1 and 2000),
	mood_note_id bigint,
	recorded_by text not null,
	recorded_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, key_person_id) references key_person (community_id, id),
	foreign key (community_id, mood_note_id) references mood_note (community_id, id)
);
create index key_person_contact_log on key_person_contact (community_id, key_person_id, contacted_on desc, id desc);

-- Each due day that passed without a contact, once: the poller's record, kept after a late
-- contact as history and as evidence for the warning engine.
create table key_person_miss (
	community_id bigint not null,
	id bigint generated always as identity,
	key_person_id bigint not null,
	due_date date not null,
	responsible_user_id bigint not null,
	fired_at timestamptz not null,
	primary key (community_id, id),
	unique (community_id, key_person_id, due_date),
	foreign key (community_id, key_person_id) references key_person (community_id, id)
);

create table sensitive_date (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	title text not null check (length(title) between 1 and 100),
	kind text not null check (kind in ('POLICY', 'ANNIVERSARY', 'EVENT')),
	starts_on date not null,
	ends_on date not null,
	-- the interest groups it concerns; empty means everyone
	group_codes text[] not null default '{}',
	lead_days int not null default 7 check (lead_days between 0 and 90),
	note text check (length(note) <= 1000),
	created_by text not null,
	version int not null default 0,
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	check (ends_on >= starts_on and ends_on - starts_on <= 366)
);
create index sensitive_date_days on sensitive_date (community_id, starts_on, id);

-- The inbox tells a key person's responsible staff member of a missed contact.
do $$
declare
	name text;
begin
	for name in select conname from pg_constraint
		where conrelid = 'notification'::regclass and contype = 'c'
		  and (pg_get_constraintdef(oid) like '%kind%' or pg_get_constraintdef(oid) like '%subject_type%')
	loop
		execute format('alter table notification drop constraint %I', name);
	end loop;
end $$;
alter table notification add check (kind in ('ASSIGNED', 'TRANSFERRED', 'RETURNED', 'REOPENED', 'URGED',
	'NEARLY_DUE', 'OVERDUE', 'SCREENING_DUE', 'SCREENING_LATE', 'WARNING_RAISED', 'WARNING_ACK_OVERDUE',
	'KEY_PERSON_CONTACT_MISSED'));
alter table notification add check (subject_type in ('APPEAL', 'SCREENING_ROUND', 'WARNING', 'KEY_PERSON'));
