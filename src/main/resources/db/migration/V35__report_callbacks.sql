-- The callbacks (回访) in the dashboard's rollup: the satisfaction index counted a year of
-- callbacks from the appeal timeline on every load (about 260,000 entries joined to their
-- appeals). Each appeal's row keeps its callbacks as they stand (the day each was given, in
-- Asia/Shanghai, and the answer, in timeline order), so that a change moves exactly the
-- difference, as it does for the other figures.
alter table report_appeal
	add column callback_days date[] not null default '{}',
	add column callback_answers text[] not null default '{}';

-- How many callbacks gave an answer about appeals of a category, per day the answer was
-- given (not the day of receipt). A year is a few thousand rows.
create table report_callback_day (
	community_id bigint not null,
	day date not null,
	category_code text not null,
	satisfaction text not null,
	callbacks int not null,
	primary key (community_id, day, category_code, satisfaction)
);

-- The rows above know no callbacks yet: empty the appeal rollup, so that Anju rebuilds it
-- from the appeals on start (Rollups.rebuildEmpty), callbacks and all, as after a bulk load.
delete from report_appeal_day;
delete from report_appeal;
