-- The first community, with the service departments and interest groups of the source article.
-- Both lists are editable reference data; the codes are stable.

insert into community (id, name) values (1, '示范企业社区');

insert into department (community_id, code, name_zh, name_en, sort) values
	(1, 'RETIREE_AFFAIRS', '离退休管理', 'Retiree affairs', 10),
	(1, 'PROPERTY', '物业', 'Property management', 20),
	(1, 'HOUSING', '房产', 'Housing', 30),
	(1, 'TRANSPORT', '交通', 'Transport', 40),
	(1, 'ENERGY', '能源', 'Water, power, gas and heating', 50),
	(1, 'KINDERGARTEN', '幼教', 'Kindergartens', 60),
	(1, 'CANTEEN', '食堂', 'Canteens', 70),
	(1, 'GUESTHOUSE', '宾馆/招待所', 'Guesthouses', 80),
	(1, 'SANITATION', '环卫', 'Sanitation', 90),
	(1, 'SECURITY', '治安/保卫', 'Public security', 100),
	(1, 'FAMILY_PLANNING', '计划生育', 'Family planning', 110),
	(1, 'GENERAL_OFFICE', '综合办', 'General office', 120);

insert into interest_group (community_id, code, name_zh, name_en, sort) values
	(1, 'VETERAN_RETIRED', '离休', 'Veteran retiree', 10),
	(1, 'RETIRED', '退休', 'Retiree', 20),
	(1, 'INTERNAL_EARLY_RETIRED', '内部退养', 'Internal early retiree', 30),
	(1, 'TRUSTEE_COLLECTIVE_RETIRED', '托管集体企业退休', 'Trustee-managed collective-enterprise retiree', 40),
	(1, 'RESTRUCTURED_RETIRED', '改制企业退休', 'Restructured-enterprise retiree', 50),
	(1, 'DIVESTED_RETIRED', '学校医院剥离退休', 'Retiree of a divested school or hospital', 60),
	(1, 'CONTRACT_TERMINATED', '协解', 'Contract-terminated staff', 70),
	(1, 'CONTRACT_TERMINATED_RETIRED', '协解退休', 'Contract-terminated, now retired', 80),
	(1, 'OFF_POST_RESEARCH', '离岗调研', 'Off-post (research)', 90),
	(1, 'OFF_POST_REST', '离岗休养', 'Off-post (rest)', 100),
	(1, 'LAID_OFF_IN_PLACE', '歇岗', 'Laid off in place', 110),
	(1, 'ACTIVE_EMPLOYEE', '在岗职工', 'Active employee', 120),
	(1, 'FAMILY_RESIDENT', '家属/居民', 'Family member or resident', 130);

insert into audit_chain_head (community_id, last_seq, last_hash)
	values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
