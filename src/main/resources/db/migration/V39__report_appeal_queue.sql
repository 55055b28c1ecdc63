-- Appeals whose dashboard figures are due for a refresh. The transaction that takes in or
-- changes an appeal marks it here, and the rollup takes the marks in batches: one statement
-- moves a whole batch's counts, so the day's bucket rows, which every appeal of the day
-- touches, are written once per batch instead of once per appeal (docs/BENCHMARKS.md,
-- creating appeals). An appeal marked twice before a batch takes it is refreshed once.
-- No foreign key: a mark lives for a moment, and checking it would lock the community's row
-- in every intake.
create table report_appeal_dirty (
	community_id bigint not null,
	appeal_id bigint not null,
	marked_at timestamptz not null default now(),
	primary key (community_id, appeal_id)
);
