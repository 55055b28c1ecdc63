-- The resident portal: one account per resident, and the photos residents attach to appeals.

-- A resident signs in with their own mobile, which is unique across the deployment through
-- account_directory; a person also has at most one resident account.
create unique index user_account_one_per_resident on user_account (community_id, person_id)
	where role = 'RESIDENT';

-- Photos of an appeal, stripped of their location metadata before they are stored. Bytes in the
-- database keep the photo, its appeal and its audit row in one transaction; a province-wide
-- deployment moves the content to object storage and keeps this row as its index.
create table appeal_attachment (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	appeal_id bigint not null,
	file_name text not null check (length(file_name) between 1 and 100),
	content_type text not null check (content_type in ('image/jpeg', 'image/png')),
	size_bytes int not null check (size_bytes between 1 and 5242880),
	content bytea not null,
	created_at timestamptz not null default now(),
	created_by text not null,
	primary key (community_id, id),
	foreign key (community_id, appeal_id) references appeal (community_id, id)
);

create index appeal_attachment_appeal on appeal_attachment (community_id, appeal_id, id);
