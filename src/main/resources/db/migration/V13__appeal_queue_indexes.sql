-- The work queues list open appeals, the nearest deadline first, so overdue ones lead and
-- nearly-due ones follow. Once a community has a few years of history, the open appeals are
-- about a tenth of its appeals: these partial indexes hold only them, give each queue its
-- order straight from the index, and stay small. created_by serves the reach of staff, who
-- also see the appeals they took in themselves.
create index appeal_open_due on appeal (community_id, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index appeal_open_department on appeal (community_id, department_code, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index appeal_open_assignee on appeal (community_id, assignee_id, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index appeal_open_creator on appeal (community_id, created_by, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index appeal_open_grid on appeal (community_id, grid_id, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index appeal_open_category on appeal (community_id, category_code, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
-- The nearly-due list (临期): in deadline order they come after every overdue appeal, which
-- can be tens of thousands; this walks only them.
create index appeal_open_nearly_due on appeal (community_id, due_at, id)
	where state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS') and flags @> array['NEARLY_DUE'];
