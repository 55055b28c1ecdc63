-- Open311 GeoReport v2: keys issued to outside bodies (街道, the 12345 hotline), and which
-- appeals each key sent, so that a key sees only its own requests.

-- A key reads <community>.<random>; only its SHA-256 is kept, so the key text is shown once.
create table open311_key (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	name text not null check (length(name) between 1 and 60),
	key_hash text not null,
	created_at timestamptz not null default now(),
	created_by text not null,
	revoked_at timestamptz,
	revoked_by text,
	primary key (community_id, id),
	unique (community_id, key_hash)
);
-- One live key per outside body, so that the audit actor open311:<name> names one key.
create unique index open311_key_live_name on open311_key (community_id, name) where revoked_at is null;

-- The Open311 side of an appeal that came in through a key: what the spec returns and the
-- appeal does not hold (the location as sent, the media URL), and the status the spec
-- filters on, kept up to date from the appeal's events.
create table open311_request (
	community_id bigint not null,
	appeal_id bigint not null,
	key_id bigint not null,
	service_request_id text not null,
	service_code text not null,
	status text not null default 'open' check (status in ('open', 'closed')),
	address text,
	lat double precision,
	long double precision,
	media_url text,
	requested_at timestamptz not null,
	updated_at timestamptz not null,
	primary key (community_id, appeal_id),
	unique (community_id, service_request_id),
	foreign key (community_id, appeal_id) references appeal (community_id, id),
	foreign key (community_id, key_id) references open311_key (community_id, id)
);
-- GET requests: a key's requests, newest first; also the rate limit's count of the last minute.
create index open311_request_key on open311_request (community_id, key_id, requested_at desc);
