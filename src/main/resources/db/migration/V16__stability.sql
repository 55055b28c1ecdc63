-- Stability work (稳定): conflict cases (矛盾纠纷) with their mediations and timeline, mood notes
-- (思想动态), and screening rounds (排查) with each grid's report or zero report (零报告).

-- Screening rounds come first: cases and notes found in a round point back to it.
create table screening_round (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	-- the period the round covers: 2026-11 for a monthly round, 2026-W48 for a weekly one
	period text not null,
	opened_at timestamptz not null,
	opens_on date not null,
	deadline date not null,
	primary key (community_id, id),
	-- one round per period, so that two nodes opening the same period open it once
	unique (community_id, period),
	check (deadline >= opens_on)
);
create index screening_round_recent on screening_round (community_id, opens_on desc, id desc);

-- Each grid's duty in a round: a report with findings, or an explicit zero report.
create table screening_grid (
	community_id bigint not null,
	round_id bigint not null,
	grid_id bigint not null,
	area_id bigint,
	reported_at timestamptz,
	reported_by text,
	zero_report boolean not null default false,
	findings int not null default 0,
	-- each fires once: the reminder on the deadline day, the escalation to the area head after it
	reminded_at timestamptz,
	late_escalated_at timestamptz,
	primary key (community_id, round_id, grid_id),
	-- grid_id is a value, as on an appeal: deleting an empty grid is not held up by its history
	foreign key (community_id, round_id) references screening_round (community_id, id) on delete cascade,
	check (not zero_report or findings = 0),
	check (reported_at is not null or (not zero_report and findings = 0))
);
-- The late-grid poller: grids of a round that have neither reported nor been escalated.
create index screening_grid_unreported on screening_grid (community_id, round_id)
	where reported_at is null and late_escalated_at is null;
create index screening_grid_grid on screening_grid (community_id, grid_id, round_id);

create table conflict_case (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	type text not null check (type in ('LABOUR_BENEFITS', 'HOUSING', 'NEIGHBOUR', 'FAMILY', 'PROPERTY',
		'RESTRUCTURING', 'OTHER')),
	title text not null check (length(title) between 1 and 100),
	description text not null check (length(description) between 1 and 5000),
	level text not null check (level in ('ORDINARY', 'SERIOUS', 'MAJOR')),
	state text not null check (state in ('REGISTERED', 'RESOLVING', 'RESOLVED', 'STABILISED', 'HANDED_OVER')),
	source text not null check (source in ('SCREENING', 'APPEAL', 'CARE_VISIT', 'REPORT')),
	source_appeal_id bigint,
	source_round_id bigint,
	-- parties: registered people and interest groups; a merge of two people repoints the array
	party_person_ids bigint[] not null default '{}',
	party_group_codes text[] not null default '{}',
	people_count int not null check (people_count between 1 and 100000),
	owner_leader_id bigint not null,
	responsible_unit_code text,
	grid_worker_id bigint,
	-- the grid and area are values, as on an appeal: a case outlives a reorganised grid
	area_id bigint,
	grid_id bigint not null,
	registered_at timestamptz not null,
	due_date date not null,
	closed_at timestamptz,
	confirmed_by_parties boolean,
	summary text,
	handed_over_to text,
	reopen_count int not null default 0,
	created_by text not null,
	version int not null default 0,
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, source_appeal_id) references appeal (community_id, id),
	foreign key (community_id, source_round_id) references screening_round (community_id, id),
	foreign key (community_id, owner_leader_id) references user_account (community_id, id),
	foreign key (community_id, grid_worker_id) references user_account (community_id, id),
	foreign key (community_id, responsible_unit_code) references department (community_id, code),
	check ((source = 'APPEAL') = (source_appeal_id is not null)),
	check (state <> 'HANDED_OVER' or handed_over_to is not null)
);
-- An appeal escalates into one case at most: a second click finds the first case.
create unique index conflict_case_appeal on conflict_case (community_id, source_appeal_id)
	where source_appeal_id is not null;
create index conflict_case_queue on conflict_case (community_id, state, due_date, id);
create index conflict_case_grid on conflict_case (community_id, grid_id, state, due_date, id);
create index conflict_case_owner on conflict_case (community_id, owner_leader_id, state);
create index conflict_case_round on conflict_case (community_id, source_round_id) where source_round_id is not null;
create index conflict_case_persons on conflict_case using gin (community_id, party_person_ids);
create index conflict_case_groups on conflict_case using gin (community_id, party_group_codes);

create table conflict_mediation (
	community_id bigint not null,
	id bigint generated always as identity,
	case_id bigint not null,
	held_on date not null,
	method text not null check (length(method) between 1 and 50),
	participants text not null check (length(participants) between 1 and 500),
	agreement text not null check (length(agreement) between 1 and 2000),
	outcome text not null check (length(outcome) between 1 and 2000),
	recorded_by text not null,
	recorded_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, case_id) references conflict_case (community_id, id) on delete cascade
);
create index conflict_mediation_case on conflict_mediation (community_id, case_id, held_on, id);

create table conflict_timeline (
	community_id bigint not null,
	id bigint generated always as identity,
	case_id bigint not null,
	at timestamptz not null default now(),
	actor text not null,
	action text not null,
	from_state text,
	to_state text,
	note text,
	detail jsonb not null default '{}',
	primary key (community_id, id),
	foreign key (community_id, case_id) references conflict_case (community_id, id) on delete cascade
);
create index conflict_timeline_case on conflict_timeline (community_id, case_id, id);

create table mood_note (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	subject_type text not null check (subject_type in ('PERSON', 'GROUP')),
	person_id bigint,
	group_code text,
	-- the grid the note belongs to: the person's grid, or the grid a group note was taken in
	grid_id bigint,
	area_id bigint,
	noted_on date not null,
	source text not null check (source in ('VISIT', 'MEETING', 'PHONE', 'ONLINE', 'OTHER')),
	mood text not null check (mood in ('CALM', 'CONCERNED', 'DISSATISFIED', 'AGITATED')),
	topics text[] not null default '{}',
	tags text[] not null default '{}',
	summary text not null check (length(summary) between 1 and 2000),
	round_id bigint,
	recorded_by text not null,
	recorded_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, person_id) references person (community_id, id),
	foreign key (community_id, group_code) references interest_group (community_id, code),
	foreign key (community_id, round_id) references screening_round (community_id, id),
	check ((subject_type = 'PERSON') = (person_id is not null and group_code is null)),
	check ((subject_type = 'GROUP') = (group_code is not null and person_id is null))
);
create index mood_note_recent on mood_note (community_id, noted_on desc, id desc);
create index mood_note_grid on mood_note (community_id, grid_id, noted_on desc, id desc);
create index mood_note_person on mood_note (community_id, person_id, noted_on desc) where person_id is not null;
create index mood_note_group on mood_note (community_id, group_code, noted_on desc) where group_code is not null;
