-- The national working-day calendar: which days are public holidays (放假) and which weekend days
-- are make-up working days (调休上班). It is the same for every community, so these are declared
-- reference tables without community_id (docs/SCALING.md). A year without a published row counts
-- Monday to Friday as working days.
create table calendar_year (
	year int primary key check (year between 2000 and 2100),
	published boolean not null,
	updated_at timestamptz not null default now(),
	updated_by text not null
);

create table calendar_day (
	day date primary key,
	kind text not null check (kind in ('HOLIDAY', 'MAKEUP_WORKDAY')),
	name text not null check (length(name) between 1 and 20),
	-- a make-up working day is always a Saturday or a Sunday
	check (kind = 'HOLIDAY' or extract(isodow from day) in (6, 7))
);

-- The State Council General Office's notice of 2025-11-04 on the 2026 holidays.
insert into calendar_year (year, published, updated_by) values (2026, true, 'system');

insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', h.name
from (values
	('元旦', date '2026-01-01', date '2026-01-03'),
	('春节', date '2026-02-15', date '2026-02-23'),
	('清明节', date '2026-04-04', date '2026-04-06'),
	('劳动节', date '2026-05-01', date '2026-05-05'),
	('端午节', date '2026-06-19', date '2026-06-21'),
	('中秋节', date '2026-09-25', date '2026-09-27'),
	('国庆节', date '2026-10-01', date '2026-10-07')
) as h (name, first_day, last_day),
generate_series(h.first_day, h.last_day, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
	('2026-01-04', 'MAKEUP_WORKDAY', '元旦'),
	('2026-02-14', 'MAKEUP_WORKDAY', '春节'),
	('2026-02-28', 'MAKEUP_WORKDAY', '春节'),
	('2026-05-09', 'MAKEUP_WORKDAY', '劳动节'),
	('2026-09-20', 'MAKEUP_WORKDAY', '国庆节'),
	('2026-10-10', 'MAKEUP_WORKDAY', '国庆节');
