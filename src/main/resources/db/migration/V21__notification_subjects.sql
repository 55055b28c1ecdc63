-- Notifications about more than appeals: a notification names its subject by type and id, with
-- the number and title it is known by (an appeal's number and title, a screening round's period
-- and grid). A subject is a value, like a grid on an appeal: a round or an appeal that goes does
-- not take its notifications with it.
alter table notification add column subject_type text not null default 'APPEAL'
	check (subject_type in ('APPEAL', 'SCREENING_ROUND'));
alter table notification add column subject_id bigint;
update notification set subject_id = appeal_id;
alter table notification alter column subject_id set not null;
alter table notification alter column subject_type drop default;
alter table notification rename column appeal_number to subject_number;
alter table notification rename column appeal_title to subject_title;

do $$
declare
	name text;
begin
	for name in select conname from pg_constraint
		where conrelid = 'notification'::regclass
		  and (contype = 'u' or (contype = 'f' and pg_get_constraintdef(oid) like '%appeal%')
		       or (contype = 'c' and pg_get_constraintdef(oid) like '%kind%'))
	loop
		execute format('alter table notification drop constraint %I', name);
	end loop;
end $$;

alter table notification drop column appeal_id;
alter table notification add check (kind in ('ASSIGNED', 'TRANSFERRED', 'RETURNED', 'REOPENED', 'URGED',
	'NEARLY_DUE', 'OVERDUE', 'SCREENING_DUE', 'SCREENING_LATE'));
alter table notification add unique (community_id, subject_type, subject_id, kind, recipient_id, occurrence);
