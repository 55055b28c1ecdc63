-- Anju foundation: communities, departments, accounts, places, people, audit.
-- The Citus rule: every domain table has community_id first in its primary key, in every unique
-- constraint and in every index. The exceptions (framework tables and declared reference tables)
-- are listed in docs/SCALING.md and in SchemaRulesTests.

create extension if not exists pg_trgm;
create extension if not exists btree_gin;

-- Reference table: the tenants themselves.
create table community (
	id bigint primary key,
	name text not null,
	created_at timestamptz not null default now()
);

-- Reference table: usernames are unique across the deployment; this maps one to its community.
create table account_directory (
	username text primary key,
	community_id bigint not null references community (id),
	user_id bigint not null
);

create table department (
	community_id bigint not null references community (id),
	code text not null,
	name_zh text not null,
	name_en text not null,
	sort int not null default 0,
	primary key (community_id, code)
);

create table user_account (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	username text not null,
	password_hash text not null,
	display_name text not null,
	role text not null check (role in ('ADMIN', 'LEADER', 'DEPARTMENT_STAFF', 'GRID_WORKER', 'RESIDENT')),
	department_code text,
	person_id bigint,
	must_change_password boolean not null default false,
	failed_logins int not null default 0,
	locked_until timestamptz,
	enabled boolean not null default true,
	version int not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	unique (community_id, username),
	foreign key (community_id, department_code) references department (community_id, code),
	check (role <> 'DEPARTMENT_STAFF' or department_code is not null)
);

create table user_grid (
	community_id bigint not null,
	user_id bigint not null,
	grid_id bigint not null,
	primary key (community_id, user_id, grid_id),
	foreign key (community_id, user_id) references user_account (community_id, id) on delete cascade
);

create table api_token (
	community_id bigint not null,
	token_hash text not null,
	user_id bigint not null,
	expires_at timestamptz not null,
	created_at timestamptz not null default now(),
	primary key (community_id, token_hash),
	foreign key (community_id, user_id) references user_account (community_id, id) on delete cascade
);
create index api_token_expiry on api_token (community_id, expires_at);

create table place (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	kind text not null check (kind in ('AREA', 'GRID', 'BUILDING', 'UNIT', 'ROOM')),
	name text not null check (length(name) between 1 and 100),
	parent_id bigint,
	area_id bigint,
	grid_id bigint,
	version int not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, parent_id) references place (community_id, id),
	unique nulls not distinct (community_id, parent_id, name),
	check ((kind = 'AREA') = (parent_id is null))
);
create index place_kind_parent on place (community_id, kind, parent_id);
create index place_grid on place (community_id, grid_id);

create table interest_group (
	community_id bigint not null references community (id),
	code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	name_zh text not null,
	name_en text not null,
	sort int not null default 0,
	active boolean not null default true,
	primary key (community_id, code),
	unique (community_id, name_zh)
);

create table household (
	community_id bigint not null,
	id bigint generated always as identity,
	room_id bigint not null,
	head_person_id bigint,
	version int not null default 0,
	created_at timestamptz not null default now(),
	primary key (community_id, id),
	foreign key (community_id, room_id) references place (community_id, id)
);
create index household_room on household (community_id, room_id);

create table person (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	name text not null,
	id_number text not null check (id_number ~ '^\d{17}[\dX]$'),
	id_last4 text not null,
	gender text not null check (gender in ('MALE', 'FEMALE')),
	birth_date date not null,
	phone text,
	phone_last4 text,
	room_id bigint,
	area_id bigint,
	grid_id bigint,
	address text,
	household_id bigint,
	household_relation text,
	former_unit text,
	status text not null default 'REGISTERED' check (status in ('REGISTERED', 'MOVED_OUT', 'DECEASED')),
	status_date date,
	notes text,
	pinyin_keys text[] not null default '{}',
	pinyin_text text not null default '',
	sort_key text not null default '',
	version int not null default 0,
	created_at timestamptz not null default now(),
	updated_at timestamptz not null default now(),
	primary key (community_id, id),
	unique (community_id, id_number),
	foreign key (community_id, room_id) references place (community_id, id),
	foreign key (community_id, household_id) references household (community_id, id)
);
alter table household add foreign key (community_id, head_person_id) references person (community_id, id);
create index person_sort on person (community_id, sort_key, id);
create index person_grid on person (community_id, grid_id, sort_key, id);
create index person_area on person (community_id, area_id, sort_key, id);
create index person_room on person (community_id, room_id);
create index person_id_last4 on person (community_id, id_last4);
create index person_phone_last4 on person (community_id, phone_last4);
create index person_pinyin_keys on person using gin (community_id, pinyin_keys);
create index person_pinyin_text on person using gin (community_id, pinyin_text gin_trgm_ops);
create index person_name_trgm on person using gin (community_id, name gin_trgm_ops);

create table person_group (
	community_id bigint not null,
	person_id bigint not null,
	group_code text not null,
	primary key (community_id, person_id, group_code),
	foreign key (community_id, person_id) references person (community_id, id) on delete cascade,
	foreign key (community_id, group_code) references interest_group (community_id, code)
);
create index person_group_code on person_group (community_id, group_code, person_id);

-- A person's history: every edit, move and status change, with masked values only.
create table person_history (
	community_id bigint not null,
	id bigint generated always as identity,
	person_id bigint not null,
	at timestamptz not null default now(),
	actor text not null,
	kind text not null check (kind in ('REGISTERED', 'EDITED', 'MOVED', 'STATUS', 'MERGED', 'IMPORTED')),
	changes jsonb not null default '{}',
	primary key (community_id, id),
	foreign key (community_id, person_id) references person (community_id, id) on delete cascade
);
create index person_history_person on person_history (community_id, person_id, at);

-- Where a merged duplicate went, so that an old link still finds the person kept.
create table person_alias (
	community_id bigint not null,
	merged_id bigint not null,
	kept_id bigint not null,
	merged_at timestamptz not null default now(),
	primary key (community_id, merged_id),
	foreign key (community_id, kept_id) references person (community_id, id) on delete cascade
);

-- A long job, such as a roster import, kept outside the job's own transaction: after a crash the
-- user sees that it did not finish and that nothing of it was written.
create table import_job (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	kind text not null,
	file_name text not null,
	started_by text not null,
	started_at timestamptz not null default now(),
	finished_at timestamptz,
	outcome text check (outcome in ('COMMITTED', 'REJECTED', 'FAILED')),
	summary jsonb,
	primary key (community_id, id)
);
create index import_job_started on import_job (community_id, started_at);

-- The audit trail: append-only, sealed into one hash chain per community by the chainer.
create table audit_event (
	community_id bigint not null,
	id bigint generated always as identity,
	at timestamptz not null default now(),
	actor text not null,
	actor_ip text,
	action text not null,
	subject_type text,
	subject_id text,
	detail jsonb not null default '{}',
	chain_seq bigint,
	prev_hash text,
	hash text,
	primary key (community_id, id),
	unique (community_id, chain_seq)
);
create index audit_event_at on audit_event (community_id, at desc, id desc);
create index audit_event_unsealed on audit_event (community_id, id) where hash is null;
create index audit_event_subject on audit_event (community_id, subject_type, subject_id);

create table audit_chain_head (
	community_id bigint primary key,
	last_seq bigint not null default 0,
	last_hash text not null
);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
	if tg_op = 'DELETE' then
		raise exception 'audit_event is append-only';
	end if;
	if old.hash is not null
			or new.community_id <> old.community_id or new.id <> old.id or new.at <> old.at
			or new.actor <> old.actor or new.actor_ip is distinct from old.actor_ip
			or new.action <> old.action or new.subject_type is distinct from old.subject_type
			or new.subject_id is distinct from old.subject_id or new.detail <> old.detail then
		raise exception 'audit_event is append-only: only an unsealed row may be sealed';
	end if;
	return new;
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
	for each row execute function audit_event_append_only();

-- Framework tables: Spring Session JDBC.
create table spring_session (
	primary_id char(36) not null,
	session_id char(36) not null,
	creation_time bigint not null,
	last_access_time bigint not null,
	max_inactive_interval int not null,
	expiry_time bigint not null,
	principal_name varchar(100),
	constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
	session_primary_id char(36) not null,
	attribute_name varchar(200) not null,
	attribute_bytes bytea not null,
	constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
	constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
