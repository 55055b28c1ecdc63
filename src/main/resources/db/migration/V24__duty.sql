-- The responsibility system (稳定工作责任制): units and posts (一岗双责), the responsibility matrix
-- and the coverage check that finds its gaps (横向到边,纵向到底).

-- A unit of the organisation. The Party committee, administration, trade union and youth league,
-- the service departments and units added by hand are stored here; areas and grids are units too,
-- but they are read from the places tree, so that they never drift from it. Stored units draw their
-- ids from the places' sequence, so one id names one unit whichever table holds it.
create table duty_unit (
	community_id bigint not null references community (id),
	id bigint not null default nextval('place_id_seq'),
	kind text not null check (kind in ('PARTY_COMMITTEE', 'ADMINISTRATION', 'TRADE_UNION', 'YOUTH_LEAGUE',
		'DEPARTMENT', 'OFFICE')),
	name_zh text not null check (length(name_zh) between 1 and 100),
	name_en text not null check (length(name_en) between 1 and 100),
	parent_id bigint,
	department_code text,
	seeded boolean not null default false,
	sort int not null default 100,
	version int not null default 0,
	primary key (community_id, id),
	foreign key (community_id, parent_id) references duty_unit (community_id, id),
	foreign key (community_id, department_code) references department (community_id, code),
	unique (community_id, department_code),
	unique nulls not distinct (community_id, parent_id, name_zh),
	check ((kind = 'DEPARTMENT') = (department_code is not null)),
	check (seeded or kind = 'OFFICE')
);
create unique index duty_unit_body on duty_unit (community_id, kind)
	where kind in ('PARTY_COMMITTEE', 'ADMINISTRATION', 'TRADE_UNION', 'YOUTH_LEAGUE');

-- A post of a unit (岗位), with its two duties side by side. unit_id names a stored unit or an area
-- or grid of the places tree, so it has no foreign key; duty checks it on every write.
create table duty_post (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	unit_id bigint not null,
	name text not null check (length(name) between 1 and 100),
	business_duties text not null default '' check (length(business_duties) <= 2000),
	stability_duties text not null default '' check (length(stability_duties) <= 2000),
	holder_id bigint,
	version int not null default 0,
	created_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, holder_id) references user_account (community_id, id),
	unique (community_id, unit_id, name)
);
create index duty_post_holder on duty_post (community_id, holder_id) where holder_id is not null;

-- Who held a post and when: the history stays when someone leaves.
create table duty_post_holding (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	post_id bigint not null,
	user_id bigint not null,
	started_at timestamptz not null,
	ended_at timestamptz,
	end_reason text check (end_reason in ('REPLACED', 'VACATED', 'HOLDER_DISABLED')),
	primary key (community_id, id),
	foreign key (community_id, post_id) references duty_post (community_id, id) on delete cascade,
	foreign key (community_id, user_id) references user_account (community_id, id)
);
create index duty_post_holding_post on duty_post_holding (community_id, post_id, started_at);

-- The levels of responsibility, nearest the ground last (rank), as data that a community may grow.
create table duty_level (
	community_id bigint not null references community (id),
	code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	name_zh text not null,
	name_en text not null,
	rank int not null,
	primary key (community_id, code)
);

-- Which levels every subject of a type needs a named person at.
create table duty_requirement (
	community_id bigint not null references community (id),
	subject_type text not null,
	level_code text not null,
	primary key (community_id, subject_type, level_code),
	foreign key (community_id, level_code) references duty_level (community_id, code)
);

-- The matrix: the person named for a subject at a level. A subject is named by type and key (an id,
-- or an interest group's code), as a value: a subject that goes leaves a row the check ignores.
create table duty_responsibility (
	community_id bigint not null references community (id),
	subject_type text not null,
	subject_key text not null,
	level_code text not null,
	user_id bigint not null,
	version int not null default 0,
	assigned_at timestamptz not null default now(),
	primary key (community_id, subject_type, subject_key, level_code),
	foreign key (community_id, level_code) references duty_level (community_id, code),
	foreign key (community_id, user_id) references user_account (community_id, id)
);
create index duty_responsibility_user on duty_responsibility (community_id, user_id);

-- The gaps the last coverage check found, and those it found closed since.
create table duty_gap (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	subject_type text not null,
	subject_key text not null,
	subject_name text not null,
	level_code text not null,
	reason text not null,
	grid_id bigint,
	opened_at timestamptz not null,
	resolved_at timestamptz,
	primary key (community_id, id)
);
create unique index duty_gap_open on duty_gap (community_id, subject_type, subject_key, level_code, reason)
	where resolved_at is null;

-- The last check's figures, and the night it last ran (one node claims the night). Every change to
-- units, posts or the matrix counts up changes in its own transaction; a check records the count it
-- saw, so that a burst of changes is checked once, not once for each.
create table duty_coverage (
	community_id bigint not null references community (id),
	required int not null default 0,
	covered int not null default 0,
	computed_at timestamptz,
	night date,
	changes bigint not null default 0,
	checked_changes bigint not null default -1,
	primary key (community_id)
);

-- What every community starts with; idempotent, so that duty can call it for a community created
-- after this migration.
create function duty_seed(c bigint) returns void language sql as $$
	insert into duty_unit (community_id, kind, name_zh, name_en, seeded, sort)
	select c, b.kind, b.zh, b.en, true, b.sort
	from (values ('PARTY_COMMITTEE', '党委', 'Party committee', 1), ('ADMINISTRATION', '行政', 'Administration', 2),
	             ('TRADE_UNION', '工会', 'Trade union', 3), ('YOUTH_LEAGUE', '团委', 'Youth league', 4))
	     as b(kind, zh, en, sort)
	on conflict do nothing;
	insert into duty_unit (community_id, kind, name_zh, name_en, parent_id, department_code, seeded, sort)
	select d.community_id, 'DEPARTMENT', d.name_zh, d.name_en, a.id, d.code, true, 10 + d.sort
	from department d join duty_unit a on a.community_id = d.community_id and a.kind = 'ADMINISTRATION'
	where d.community_id = c
	on conflict do nothing;
	insert into duty_level (community_id, code, name_zh, name_en, rank)
	values (c, 'COMMUNITY_LEADER', '社区领导', 'Community leader', 1), (c, 'AREA_HEAD', '片区长', 'Area head', 2),
	       (c, 'GRID_WORKER', '网格员', 'Grid worker', 3), (c, 'LIAISON', '联络人', 'Liaison', 3)
	on conflict do nothing;
	insert into duty_requirement (community_id, subject_type, level_code)
	values (c, 'AREA', 'COMMUNITY_LEADER'), (c, 'AREA', 'AREA_HEAD'),
	       (c, 'GRID', 'AREA_HEAD'), (c, 'GRID', 'GRID_WORKER'),
	       (c, 'BUILDING', 'GRID_WORKER'),
	       (c, 'GROUP', 'COMMUNITY_LEADER'), (c, 'GROUP', 'LIAISON'),
	       (c, 'CONFLICT', 'COMMUNITY_LEADER'), (c, 'CONFLICT', 'GRID_WORKER'),
	       (c, 'KEY_PERSON', 'COMMUNITY_LEADER'), (c, 'KEY_PERSON', 'GRID_WORKER'),
	       (c, 'WARNING', 'COMMUNITY_LEADER'), (c, 'WARNING', 'GRID_WORKER')
	on conflict do nothing;
	insert into duty_coverage (community_id) values (c) on conflict do nothing;
$$;

select duty_seed(id) from community;

-- A gap found by the coverage check is news for admins and leaders: COVERAGE_GAP is both a kind and a
-- subject type of the inbox. Its lists of both are grown where they stand, so that other modules' additions in between are kept.
do $$
declare
	k record;
begin
	for k in select conname, pg_get_constraintdef(oid) as def from pg_constraint
		where conrelid = 'notification'::regclass and contype = 'c'
		  and (pg_get_constraintdef(oid) like '%(kind %' or pg_get_constraintdef(oid) like '%subject_type%')
	loop
		execute format('alter table notification drop constraint %I', k.conname);
		execute 'alter table notification add ' || replace(k.def, 'ARRAY[', 'ARRAY[''COVERAGE_GAP''::text, ');
	end loop;
end $$;
