-- Text messages to residents: editable templates and the outbox that records every send.

-- A template names the placeholders it may use, so that an edit cannot ask for a value
-- that the module sending it never supplies.
create table sms_template (
	community_id bigint not null references community (id),
	code text not null,
	body_zh text not null check (length(body_zh) between 1 and 500),
	placeholders text[] not null,
	version int not null default 0,
	updated_at timestamptz not null default now(),
	updated_by text not null,
	primary key (community_id, code)
);

insert into sms_template (community_id, code, body_zh, placeholders, updated_by) values
	(1, 'APPEAL_RECEIVED', '【{community}】您的诉求已受理，编号 {number}，我们将在 {dueDate} 前办结。',
		array['community', 'number', 'dueDate'], 'system'),
	(1, 'APPEAL_RESOLVED', '【{community}】您的诉求 {number} 已办结：{reply}',
		array['community', 'number', 'reply'], 'system'),
	(1, 'CALLBACK_REQUEST', '【{community}】请对诉求 {number} 的办理结果评价，回复 1 非常满意 2 满意 3 基本满意 4 不满意。',
		array['community', 'number'], 'system');

-- The record of every message: queued in the sender's transaction, claimed by a dispatcher with
-- FOR UPDATE SKIP LOCKED, and kept. to_phone is the full number because the provider needs it;
-- everything that shows or logs it masks it.
create table sms_outbox (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	to_phone text not null,
	template_code text not null,
	body text not null check (length(body) <= 500),
	state text not null check (state in ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED')),
	reason text,
	attempts int not null default 0,
	next_attempt_at timestamptz not null default now(),
	created_at timestamptz not null default now(),
	sent_at timestamptz,
	provider_message_id text,
	related_type text,
	related_id text,
	primary key (community_id, id),
	foreign key (community_id, template_code) references sms_template (community_id, code)
);
create index sms_outbox_state on sms_outbox (community_id, state, id);
create index sms_outbox_phone on sms_outbox (community_id, to_phone, created_at);
-- What the dispatcher looks for: small, because only waiting messages are in it.
create index sms_outbox_due on sms_outbox (community_id, next_attempt_at) where state = 'QUEUED';
