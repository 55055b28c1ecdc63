-- Retention: a closed appeal past its retention period is anonymised, not deleted, so that
-- the statistics of its period stay true.
alter table appeal add column anonymised_at timestamptz;
create index appeal_retention on appeal (community_id, closed_at) where state = 'CLOSED' and anonymised_at is null;
