-- Care: retiree services. Special lists (flags on a person), the yearly pension qualification
-- check, and death registration with its survivor checklist. grid_id is copied from the person
-- and kept current from PersonMoved, so that every list applies a grid worker's scope in one table;
-- person_name is the name when the row was written, as appeals keep it.

-- A flag on a person: 独居, 空巢, 困难, 残疾 or one of the 九类特殊人员 (sub_code names which one).
-- Each has its own date and source; ending it keeps the row, so the list's history stays.
create table special_flag (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	person_id bigint not null,
	person_name text not null,
	grid_id bigint,
	flag text not null check (flag in ('LIVING_ALONE', 'EMPTY_NEST', 'HARDSHIP', 'DISABLED', 'NINE_SPECIAL')),
	sub_code text check (sub_code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	since date not null,
	source text not null check (length(source) between 1 and 50),
	note text check (length(note) <= 500),
	ended_on date,
	end_reason text check (length(end_reason) <= 200),
	created_by text not null,
	created_at timestamptz not null default now(),
	ended_by text,
	ended_at timestamptz,
	version int not null default 0,
	primary key (community_id, id),
	foreign key (community_id, person_id) references person (community_id, id),
	check ((flag = 'NINE_SPECIAL') = (sub_code is not null)),
	check (ended_on is null or ended_on >= since)
);
-- one open flag of a kind (and sub-category) per person
create unique index special_flag_open on special_flag (community_id, person_id, flag, coalesce(sub_code, ''))
	where ended_on is null;
create index special_flag_list on special_flag (community_id, flag, id) where ended_on is null;
create index special_flag_grid on special_flag (community_id, grid_id, flag, id) where ended_on is null;

-- A yearly pension qualification check (资格认证) over every retiree on the day it opens.
-- deadline is the last day; due_at is the end of it (00:00 Asia/Shanghai of the next day), when
-- CareClocks flags whoever is unchecked and texts them, once (missed_fired_at).
create table qualification_campaign (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	year int not null check (year between 2000 and 2100),
	title text not null check (length(title) between 1 and 100),
	deadline date not null,
	due_at timestamptz not null,
	subjects int not null default 0,
	opened_by text not null,
	opened_at timestamptz not null default now(),
	missed_fired_at timestamptz,
	missed int,
	version int not null default 0,
	primary key (community_id, id),
	unique (community_id, year)
);
create index qualification_campaign_due on qualification_campaign (community_id, due_at)
	where missed_fired_at is null;

-- One retiree in one campaign: checked (date, method, who) or not; missed_at when the deadline
-- passed unchecked; left_on when they died during the campaign and no longer need a check.
create table qualification_subject (
	community_id bigint not null references community (id),
	campaign_id bigint not null,
	person_id bigint not null,
	person_name text not null,
	grid_id bigint,
	checked_on date,
	method text check (method in ('IN_PERSON', 'VIDEO', 'AT_HOME')),
	checked_by text,
	checked_at timestamptz,
	note text check (length(note) <= 500),
	missed_at timestamptz,
	left_on date,
	primary key (community_id, campaign_id, person_id),
	foreign key (community_id, campaign_id) references qualification_campaign (community_id, id),
	foreign key (community_id, person_id) references person (community_id, id),
	check ((checked_on is null) = (method is null) and (checked_on is null) = (checked_by is null))
);
create index qualification_subject_unchecked on qualification_subject (community_id, campaign_id, grid_id, person_id)
	where checked_on is null and left_on is null;

insert into sms_template (community_id, code, body_zh, placeholders, updated_by)
select id, 'QUALIFICATION_REMINDER',
	'【{community}】您尚未完成 {year} 年度养老金领取资格认证（截止 {deadline}），请尽快到社区现场、视频或预约上门认证。',
	array['community', 'year', 'deadline'], 'system'
from community;

-- A death registered by care: the person's status goes to DECEASED through people in the same
-- transaction; their records stay. One registration per person.
create table death_registration (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	person_id bigint not null,
	person_name text not null,
	grid_id bigint,
	died_on date not null,
	informant text not null check (length(informant) between 1 and 50),
	informant_relation text check (length(informant_relation) <= 20),
	note text check (length(note) <= 500),
	registered_by text not null,
	registered_at timestamptz not null default now(),
	version int not null default 0,
	primary key (community_id, id),
	unique (community_id, person_id),
	foreign key (community_id, person_id) references person (community_id, id)
);
create index death_registration_grid on death_registration (community_id, grid_id, id);

-- The survivor checklist a death opens: each item ticked off with who and when.
create table survivor_task (
	community_id bigint not null references community (id),
	death_id bigint not null,
	item text not null check (item in ('FUNERAL_SUBSIDY', 'SURVIVOR_PENSION', 'STOP_PENSION', 'CONDOLENCE')),
	done_at timestamptz,
	done_by text,
	note text check (length(note) <= 500),
	primary key (community_id, death_id, item),
	foreign key (community_id, death_id) references death_registration (community_id, id),
	check ((done_at is null) = (done_by is null))
);
