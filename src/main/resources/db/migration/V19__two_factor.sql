-- Two-factor login with an authenticator app (TOTP, RFC 6238). The secret must be read back
-- to check a code, so it cannot be hashed; recovery codes can, and are.
create table two_factor (
	community_id bigint not null,
	user_id bigint not null,
	secret text not null,
	confirmed_at timestamptz,
	-- The last 30-second step whose code was taken: a code opens one login only.
	last_step bigint not null default 0,
	primary key (community_id, user_id),
	foreign key (community_id, user_id) references user_account (community_id, id) on delete cascade
);

create table recovery_code (
	community_id bigint not null,
	user_id bigint not null,
	code_hash text not null,
	used_at timestamptz,
	primary key (community_id, user_id, code_hash),
	foreign key (community_id, user_id) references user_account (community_id, id) on delete cascade
);
