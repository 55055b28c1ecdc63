-- A grid worker given people on a visit list hears of it in their inbox: VISIT_LIST_ASSIGNED is a kind
-- and VISIT_LIST a subject type of the inbox. Both lists are grown where they stand (as V24 does), so
-- that other modules' additions in between are kept.
do $$
declare
	k record;
begin
	for k in select conname, pg_get_constraintdef(oid) as def from pg_constraint
		where conrelid = 'notification'::regclass and contype = 'c'
		  and (pg_get_constraintdef(oid) like '%(kind %' or pg_get_constraintdef(oid) like '%subject_type%')
	loop
		execute format('alter table notification drop constraint %I', k.conname);
		execute 'alter table notification add ' || replace(k.def, 'ARRAY[',
			case when k.def like '%subject_type%' then 'ARRAY[''VISIT_LIST''::text, '
			     else 'ARRAY[''VISIT_LIST_ASSIGNED''::text, ' end);
	end loop;
end $$;
