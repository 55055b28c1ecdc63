-- Satisfaction surveys (满意度调查) and service notices (停水/停电/停气/停暖). See docs/SATISFACTION.md.

-- A questionnaire of one service line. Its questions live in numbered versions: a published
-- version is frozen, and editing after publication starts the next draft.
create table survey (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	service_line text not null check (service_line in ('CANTEEN', 'KINDERGARTEN', 'GUESTHOUSE', 'SHUTTLE_BUS',
		'PROPERTY', 'SANITATION', 'ENERGY', 'RETIREE_SERVICES')),
	latest_version int not null default 1,
	published_version int,
	created_by text not null,
	created_at timestamptz not null default now(),
	version int not null default 0,
	primary key (community_id, id)
);
create index survey_line on survey (community_id, service_line, id);

-- questions: [{"key":"q1","type":"RATING"|"SINGLE"|"MULTIPLE"|"TEXT","text":"...","options":[...],"required":true}]
create table survey_version (
	community_id bigint not null,
	survey_id bigint not null,
	number int not null check (number >= 1),
	title text not null check (length(title) between 1 and 100),
	description text check (length(description) <= 1000),
	questions jsonb not null,
	published_at timestamptz,
	published_by text,
	updated_at timestamptz not null default now(),
	primary key (community_id, survey_id, number),
	foreign key (community_id, survey_id) references survey (community_id, id) on delete cascade
);

-- A campaign asks a sample drawn from one published version. seed and the filter are kept so
-- that the same draw can be made again.
create table survey_campaign (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	survey_id bigint not null,
	survey_version int not null,
	service_line text not null,
	title text not null check (length(title) between 1 and 100),
	seed bigint not null,
	sample_size int not null check (sample_size between 1 and 10000),
	area_id bigint,
	group_code text,
	opens_on date not null,
	closes_on date not null check (closes_on >= opens_on),
	sampled int not null default 0,
	created_by text not null,
	created_at timestamptz not null default now(),
	version int not null default 0,
	primary key (community_id, id),
	foreign key (community_id, survey_id, survey_version) references survey_version (community_id, survey_id, number)
);
create index survey_campaign_line on survey_campaign (community_id, service_line, id);

-- One sampled person. The stratum is "area:group"; grid, area and groups are copied at the draw
-- so that scope and breakdowns read one table.
create table survey_sample (
	community_id bigint not null,
	campaign_id bigint not null,
	person_id bigint not null,
	person_name text not null,
	stratum text not null,
	area_id bigint,
	grid_id bigint,
	groups text[] not null default '{}',
	primary key (community_id, campaign_id, person_id),
	foreign key (community_id, campaign_id) references survey_campaign (community_id, id) on delete cascade,
	foreign key (community_id, person_id) references person (community_id, id)
);
create index survey_sample_grid on survey_sample (community_id, campaign_id, grid_id, person_id);

-- One answer sheet. score is the mean of its ratings on 0-100 ((rating - 1) * 25), null without ratings.
create table survey_response (
	community_id bigint not null,
	id bigint generated always as identity,
	campaign_id bigint not null,
	person_id bigint not null,
	service_line text not null,
	channel text not null check (channel in ('PHONE', 'VISIT', 'PORTAL')),
	answers jsonb not null,
	score numeric(5, 2),
	low_score boolean not null default false,
	has_text boolean not null default false,
	area_id bigint,
	grid_id bigint,
	groups text[] not null default '{}',
	appeal_id bigint,
	taken_by text not null,
	answered_at timestamptz not null default now(),
	version int not null default 0,
	primary key (community_id, id),
	unique (community_id, campaign_id, person_id),
	foreign key (community_id, campaign_id, person_id) references survey_sample (community_id, campaign_id, person_id)
);
create index survey_response_line on survey_response (community_id, service_line, answered_at);

-- An outage notice: the utility, the time window, the talking points for staff on the phone.
create table notice (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	utility text not null check (utility in ('WATER', 'POWER', 'GAS', 'HEATING')),
	title text not null check (length(title) between 1 and 100),
	body text check (length(body) <= 2000),
	talking_points text not null check (length(talking_points) between 1 and 2000),
	starts_at timestamptz not null,
	ends_at timestamptz not null check (ends_at > starts_at),
	created_by text not null,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	version int not null default 0,
	primary key (community_id, id)
);
create index notice_window on notice (community_id, ends_at, starts_at);

create table notice_building (
	community_id bigint not null,
	notice_id bigint not null,
	building_id bigint not null,
	grid_id bigint,
	primary key (community_id, notice_id, building_id),
	foreign key (community_id, notice_id) references notice (community_id, id) on delete cascade,
	foreign key (community_id, building_id) references place (community_id, id)
);
create index notice_building_place on notice_building (community_id, building_id, notice_id);
create index notice_building_grid on notice_building (community_id, grid_id, notice_id);

-- Appeals linked to a notice automatically: about its utility, from its buildings, in its window.
create table notice_appeal (
	community_id bigint not null,
	notice_id bigint not null,
	appeal_id bigint not null,
	linked_at timestamptz not null default now(),
	primary key (community_id, notice_id, appeal_id),
	foreign key (community_id, notice_id) references notice (community_id, id) on delete cascade
);
create index notice_appeal_appeal on notice_appeal (community_id, appeal_id);
