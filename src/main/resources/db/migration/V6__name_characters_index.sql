-- A two-character fragment such as 张伟 yields no trigram, so the trigram index cannot narrow
-- "name contains 张伟". Indexing the name's characters can: every character of the fragment must be
-- in the name (@>), and the like then checks their order on the few rows left.
create index person_name_chars on person using gin (community_id, string_to_array(name, null));
