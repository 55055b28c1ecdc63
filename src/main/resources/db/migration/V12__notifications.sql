-- Notifications: each staff user's inbox of appeal steps that concern them.

-- A department's head (部门负责人) is a post of the organisation, not an account role: one
-- account, named by id, that hears of the department's appeals that are nearly due or overdue.
alter table department add column head_user_id bigint;
alter table department add foreign key (community_id, head_user_id) references user_account (community_id, id);

-- One row per recipient of one appeal step. occurrence is the appeal's version after the step,
-- so a replayed event finds its rows and adds none, while the same kind of step taken again
-- later (assigned, returned, assigned again) is a new notification.
create table notification (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	recipient_id bigint not null,
	kind text not null check (kind in ('ASSIGNED', 'TRANSFERRED', 'RETURNED', 'REOPENED', 'URGED', 'NEARLY_DUE',
		'OVERDUE')),
	appeal_id bigint not null,
	appeal_number text not null,
	appeal_title text not null,
	occurrence bigint not null,
	created_at timestamptz not null default now(),
	read_at timestamptz,
	primary key (community_id, id),
	unique (community_id, appeal_id, kind, recipient_id, occurrence),
	foreign key (community_id, recipient_id) references user_account (community_id, id),
	foreign key (community_id, appeal_id) references appeal (community_id, id)
);

-- The inbox, newest first, and its unread count.
create index notification_inbox on notification (community_id, recipient_id, id);
create index notification_unread on notification (community_id, recipient_id, id) where read_at is null;
