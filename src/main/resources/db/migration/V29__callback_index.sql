-- The satisfaction index reads the callbacks (回访) of a period on every dashboard load: without
-- this, each load scanned the whole timeline (three or more rows per appeal) for them.
create index appeal_timeline_callbacks on appeal_timeline (community_id, at) where action = 'callback';
