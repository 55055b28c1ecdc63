-- The first answer to a create, kept per caller and Idempotency-Key for at least 24 hours, so a
-- retry gets the same answer instead of a second resource.
create table idempotency_record (
	community_id bigint not null,
	username text not null,
	idempotency_key text not null,
	request_hash text not null,
	status int not null,
	content_type text,
	location text,
	etag text,
	body bytea not null,
	created_at timestamptz not null default now(),
	primary key (community_id, username, idempotency_key)
);
create index idempotency_record_created on idempotency_record (community_id, created_at);
