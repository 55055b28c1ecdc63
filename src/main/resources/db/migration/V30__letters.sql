-- Responsibility letters (责任状): a letter for a period from a unit to a child unit or post, signed
-- level by level (层层签订), its targets bound to metrics that Anju computes from its own data.

-- A letter. Units and posts are values (an area or grid is a place, a post may go), checked by
-- letters on every write. parent_id names the letter it was cascaded from.
create table letter (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	parent_id bigint,
	title text not null check (length(title) between 1 and 100),
	issuer_unit_id bigint not null,
	recipient_unit_id bigint not null,
	recipient_post_id bigint,
	period_from date not null,
	period_to date not null,
	current_version int not null default 1,
	-- the frozen assessment, written once at the period's close
	closed_at timestamptz,
	closed_by text,
	score jsonb,
	created_at timestamptz not null,
	created_by text not null,
	version int not null default 0,
	primary key (community_id, id),
	foreign key (community_id, parent_id) references letter (community_id, id),
	check (period_to >= period_from),
	check ((closed_at is null) = (score is null))
);
create index letter_period on letter (community_id, period_from, id);
create index letter_recipient on letter (community_id, recipient_unit_id, period_from);
create index letter_parent on letter (community_id, parent_id) where parent_id is not null;

-- Every version of a letter: a signed version is frozen, a change to it makes the next.
create table letter_version (
	community_id bigint not null,
	letter_id bigint not null,
	number int not null check (number >= 1),
	note text not null default '' check (length(note) <= 500),
	created_at timestamptz not null,
	created_by text not null,
	signed_by bigint,
	signed_by_name text,
	signed_at timestamptz,
	primary key (community_id, letter_id, number),
	foreign key (community_id, letter_id) references letter (community_id, id) on delete cascade,
	foreign key (community_id, signed_by) references user_account (community_id, id),
	check ((signed_by is null) = (signed_at is null))
);

-- A version's targets, in their order.
create table letter_target (
	community_id bigint not null,
	letter_id bigint not null,
	version_number int not null,
	position int not null,
	metric text not null,
	kind text not null check (kind in ('SCORED', 'BONUS', 'VETO')),
	threshold numeric(9, 2) not null check (threshold >= 0),
	points numeric(7, 2) not null check (points between 0 and 1000),
	deduction numeric(7, 2) not null check (deduction >= 0),
	primary key (community_id, letter_id, version_number, position),
	foreign key (community_id, letter_id, version_number) references letter_version (community_id, letter_id, number)
		on delete cascade
);

-- The letters' scopes read a period's appeals of an area or a grid.
create index appeal_area_received on appeal (community_id, area_id, received_at) where area_id is not null;
create index appeal_grid_received on appeal (community_id, grid_id, received_at) where grid_id is not null;
