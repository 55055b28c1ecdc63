-- A year's version as API.md defines versions: it starts at 1 and goes up by one with each
-- write, and it survives a backup and restore (the row's xmin, used before, does not).
alter table calendar_year add column version int not null default 1;
