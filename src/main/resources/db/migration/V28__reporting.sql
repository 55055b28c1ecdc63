-- Reporting: the read models behind the leader dashboard and the monthly report. They are
-- kept up to date by events and can be rebuilt from the source modules at any time, so no
-- foreign key reaches into another module's tables.

-- One row per appeal with what the figures need, as of the appeal's version: an event seen
-- twice writes the same row, so nothing is counted twice.
create table report_appeal (
	community_id bigint not null,
	appeal_id bigint not null,
	version int not null,
	received_day date not null,
	category_code text not null,
	department_code text,
	area_id bigint,
	grid_id bigint,
	groups text[] not null default '{}',
	resolved boolean not null,
	resolved_on_time boolean not null,
	rated boolean not null,
	satisfied boolean not null,
	overdue boolean not null,
	primary key (community_id, appeal_id)
);
create index report_appeal_day_of on report_appeal (community_id, received_day);

-- The figures of one receipt day per dimension and key (TOTAL has the key ''), recomputed
-- from report_appeal whenever an appeal of that day changes. A dashboard over a year sums
-- a few tens of thousands of these rows, never the appeals.
create table report_appeal_day (
	community_id bigint not null,
	day date not null,
	dimension text not null check (dimension in ('TOTAL', 'CATEGORY', 'DEPARTMENT', 'GROUP', 'AREA', 'GRID')),
	key text not null,
	received int not null,
	resolved int not null,
	resolved_on_time int not null,
	rated int not null,
	satisfied int not null,
	overdue int not null,
	primary key (community_id, day, dimension, key)
);

create table report_conflict (
	community_id bigint not null,
	case_id bigint not null,
	registered_day date not null,
	level text not null,
	state text not null,
	grid_id bigint not null,
	primary key (community_id, case_id)
);
create index report_conflict_day on report_conflict (community_id, registered_day);

create table report_screening (
	community_id bigint not null,
	round_id bigint not null,
	grid_id bigint not null,
	period text not null,
	deadline date not null,
	reported boolean not null,
	late boolean not null,
	primary key (community_id, round_id, grid_id)
);
create index report_screening_deadline on report_screening (community_id, deadline);

-- Generated reports, kept as the bytes that were handed out: a report that went up to the
-- enterprise stays the same document after the layout or the font changes. The figures
-- are kept too, as the dashboard body, for comparison and for the API.
create table report (
	community_id bigint not null,
	id bigint generated always as identity,
	kind text not null check (kind in ('MONTHLY', 'ON_DEMAND')),
	period_from date not null,
	period_to date not null,
	figures jsonb not null,
	pdf bytea not null,
	xlsx bytea not null,
	generated_at timestamptz not null,
	generated_by text not null,
	primary key (community_id, id),
	check (period_to >= period_from)
);
create index report_recent on report (community_id, generated_at desc, id desc);
-- One monthly report per month: the scheduler on several nodes generates it once.
create unique index report_monthly on report (community_id, period_from) where kind = 'MONTHLY';
