-- The early-warning engine (预警): the risk model as data (versioned weights and level
-- thresholds), the latest risk score of every subject with the contributions that made it,
-- and the warnings raised when a score crosses a level, each with its timeline.

-- A model is never edited in place: a change is a new version, so every score names the
-- weights it was computed with.
create table risk_model (
	community_id bigint not null references community (id),
	version int not null check (version >= 1),
	-- signal code -> weight (points per unit of the signal's value)
	weights jsonb not null,
	-- subject type -> {BLUE, YELLOW, ORANGE, RED} -> the lowest score of that level
	thresholds jsonb not null,
	-- level -> hours within which a warning of that level must be acknowledged
	ack_hours jsonb not null,
	note text,
	created_by text not null,
	created_at timestamptz not null default now(),
	primary key (community_id, version)
);

-- The latest score of each subject that has any signal; a subject without one has no row.
-- grid_id is the grid a person or grid lies in, for a grid worker's reach.
create table risk_score (
	community_id bigint not null references community (id),
	subject_type text not null check (subject_type in ('PERSON', 'GROUP', 'GRID', 'AREA', 'COMMUNITY')),
	subject_id text not null,
	grid_id bigint,
	score numeric(12, 2) not null,
	level text check (level in ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
	contributions jsonb not null,
	model_version int not null,
	computed_at timestamptz not null,
	primary key (community_id, subject_type, subject_id)
);
create index risk_score_ranking on risk_score (community_id, subject_type, score desc);

-- Subjects an event touched, waiting for the engine's next short tick: a burst of events on
-- one group or grid becomes one recompute, and a crash loses nothing.
create table risk_dirty (
	community_id bigint not null references community (id),
	subject text not null,
	marked_at timestamptz not null default now(),
	primary key (community_id, subject)
);
create index risk_dirty_waiting on risk_dirty (community_id, marked_at);

create table warning (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	subject_type text not null check (subject_type in ('PERSON', 'GROUP', 'GRID', 'AREA', 'COMMUNITY')),
	subject_id text not null,
	grid_id bigint,
	level text not null check (level in ('BLUE', 'YELLOW', 'ORANGE', 'RED')),
	score numeric(12, 2) not null,
	reasons jsonb not null,
	state text not null check (state in ('OPEN', 'ACKNOWLEDGED', 'CLOSED')),
	raised_at timestamptz not null,
	ack_due_at timestamptz not null,
	-- the overdue acknowledgement is told once: the poller stamps this when it claims the row
	ack_overdue_fired_at timestamptz,
	acknowledged_at timestamptz,
	acknowledged_by text,
	disposition text check (disposition in ('VISITED', 'TALKED', 'RESOLVED', 'ESCALATED_TO_PLAN', 'FALSE_ALARM')),
	close_note text,
	closed_at timestamptz,
	closed_by text,
	responsible_user_ids bigint[] not null default '{}',
	model_version int not null,
	version int not null default 0,
	primary key (community_id, id),
	check ((state = 'CLOSED') = (disposition is not null and closed_at is not null)),
	check (disposition <> 'FALSE_ALARM' or close_note is not null)
);
-- One open warning per subject: a rise re-levels it instead of raising a second one.
create unique index warning_open_subject on warning (community_id, subject_type, subject_id) where state <> 'CLOSED';
create index warning_recent on warning (community_id, raised_at desc, id desc);
create index warning_grid on warning (community_id, grid_id, raised_at desc, id desc);
-- The acknowledgement clock: open warnings whose overdue notice has not fired.
create index warning_ack_clock on warning (community_id, ack_due_at)
	where state = 'OPEN' and ack_overdue_fired_at is null;

create table warning_timeline (
	community_id bigint not null,
	id bigint generated always as identity,
	warning_id bigint not null,
	at timestamptz not null default now(),
	actor text not null,
	action text not null,
	level text,
	score numeric(12, 2),
	note text,
	primary key (community_id, id),
	foreign key (community_id, warning_id) references warning (community_id, id) on delete cascade
);
create index warning_timeline_warning on warning_timeline (community_id, warning_id, id);

-- Warnings reach the staff inbox: a new subject type and its kinds.
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
alter table notification add check (subject_type in ('APPEAL', 'SCREENING_ROUND', 'WARNING'));
alter table notification add check (kind in ('ASSIGNED', 'TRANSFERRED', 'RETURNED', 'REOPENED', 'URGED',
	'NEARLY_DUE', 'OVERDUE', 'SCREENING_DUE', 'SCREENING_LATE', 'WARNING_RAISED', 'WARNING_ACK_OVERDUE'));
