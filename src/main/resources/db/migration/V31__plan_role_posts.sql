-- A plan's command role can name a post of the organisation (duty) instead of a person: an
-- activation gives the role to whoever holds the post then, so a plan does not go stale when
-- someone leaves. The post is a value, as a duty post's unit is: duty owns the table, and the
-- coverage check reports a role whose post is gone or empty.
alter table plan_role add column post_id bigint;
alter table plan_role add constraint plan_role_post_or_person check (post_id is null or default_user_id is null);
create index plan_role_post on plan_role (community_id, post_id) where post_id is not null;
