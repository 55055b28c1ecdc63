-- Name search now narrows through the name's characters (person_name_chars) for fragments of any
-- length; the trigram index on the name is no longer used by any query, and every new person paid
-- for it on insert (a roster import of 50,000 people most of all).
drop index person_name_trgm;
