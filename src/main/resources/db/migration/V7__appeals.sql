-- Appeals (诉求): the service loop from intake to callback, with its timeline and its clocks.

-- Business numbers (2026-000123) per community and year, gapless for the offices' ledgers.
create table appeal_number (
	community_id bigint not null,
	year int not null,
	last_number int not null,
	primary key (community_id, year)
);

create table appeal (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	number text not null,
	state text not null check (state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED')),
	channel text not null check (channel in ('WALK_IN', 'PHONE', 'WEB', 'VISIT', 'LETTER', 'REFERRAL', 'OPEN311')),
	category_code text not null,
	person_id bigint,
	person_name text,
	person_groups text[] not null default '{}',
	caller_name text,
	caller_phone text,
	title text not null check (length(title) between 1 and 100),
	description text not null check (length(description) between 1 and 5000),
	place_id bigint,
	area_id bigint,
	grid_id bigint,
	people_count int not null default 1 check (people_count between 1 and 100000),
	escalated boolean not null default false,
	confidential boolean not null default false,
	flags text[] not null default '{}',
	repeat_of bigint,
	department_code text,
	assignee_id bigint,
	received_at timestamptz not null,
	due_at timestamptz not null,
	warn_at timestamptz not null,
	nearly_due_fired_at timestamptz,
	overdue_fired_at timestamptz,
	extension_days int,
	extension_reason text,
	resolved_at timestamptz,
	reply text,
	satisfaction text check (satisfaction in ('VERY_SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
	closed_at timestamptz,
	reopen_count int not null default 0,
	resolved_on_time boolean,
	created_by text not null,
	version int not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	unique (community_id, number),
	foreign key (community_id, category_code) references appeal_category (community_id, code),
	foreign key (community_id, person_id) references person (community_id, id),
	foreign key (community_id, department_code) references department (community_id, code),
	check (person_id is not null or caller_name is not null)
);
-- The work queues: a department's or a person's open appeals, the nearest deadline first.
create index appeal_department_queue on appeal (community_id, department_code, state, due_at, id);
create index appeal_assignee_queue on appeal (community_id, assignee_id, state, due_at, id);
create index appeal_state_queue on appeal (community_id, state, due_at, id);
create index appeal_received on appeal (community_id, received_at desc, id desc);
create index appeal_person on appeal (community_id, person_id, category_code, received_at);
create index appeal_grid on appeal (community_id, grid_id, state, due_at, id);
create index appeal_flags on appeal using gin (community_id, flags);
create index appeal_groups on appeal using gin (community_id, person_groups);
-- The clocks: appeals whose warning point or deadline has not fired yet.
create index appeal_warning_clock on appeal (community_id, warn_at)
	where nearly_due_fired_at is null and state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index appeal_due_clock on appeal (community_id, due_at)
	where overdue_fired_at is null and state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');

-- Joint signatures (联名): the registered people besides the appellant.
create table appeal_co_signer (
	community_id bigint not null,
	appeal_id bigint not null,
	person_id bigint not null,
	primary key (community_id, appeal_id, person_id),
	foreign key (community_id, appeal_id) references appeal (community_id, id) on delete cascade,
	foreign key (community_id, person_id) references person (community_id, id)
);
create index appeal_co_signer_person on appeal_co_signer (community_id, person_id);

-- Everything that happened to an appeal, in order. Notes are staff text about the case.
create table appeal_timeline (
	community_id bigint not null,
	id bigint generated always as identity,
	appeal_id bigint not null,
	at timestamptz not null default now(),
	actor text not null,
	action text not null,
	from_state text,
	to_state text,
	note text,
	detail jsonb not null default '{}',
	primary key (community_id, id),
	foreign key (community_id, appeal_id) references appeal (community_id, id) on delete cascade
);
create index appeal_timeline_appeal on appeal_timeline (community_id, appeal_id, id);
