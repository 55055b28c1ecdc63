-- Appeal categories (诉求分类) and the rules that route an appeal to a department or a
-- person. Both are editable reference data; category codes are stable, because appeals,
-- statistics and Open311 service codes name them.

create table appeal_category (
	community_id bigint not null references community (id),
	code text not null check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	parent_code text check (parent_code <> code),
	name_zh text not null check (length(name_zh) between 1 and 40),
	name_en text not null check (length(name_en) between 1 and 80),
	department_code text not null,
	-- working days from the day of receipt
	limit_days int not null check (limit_days between 1 and 60),
	-- the share of the time limit after which an appeal is nearly due (临期)
	warning_percent int not null default 75 check (warning_percent between 1 and 99),
	callback_required boolean not null default true,
	sort int not null default 0,
	active boolean not null default true,
	version int not null default 0,
	primary key (community_id, code),
	foreign key (community_id, parent_code) references appeal_category (community_id, code),
	foreign key (community_id, department_code) references department (community_id, code),
	-- two siblings with one name could not be told apart at intake
	unique nulls not distinct (community_id, parent_code, name_zh)
);

create table appeal_routing_rule (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	category_code text not null,
	area_id bigint,
	grid_id bigint,
	department_code text,
	assignee_user_id bigint,
	-- among equally specific rules the lower number wins
	priority int not null default 100 check (priority between 0 and 999),
	active boolean not null default true,
	version int not null default 0,
	primary key (community_id, id),
	foreign key (community_id, category_code) references appeal_category (community_id, code),
	-- a rule for a place that is deleted can never match again, so it goes with the place
	foreign key (community_id, area_id) references place (community_id, id) on delete cascade,
	foreign key (community_id, grid_id) references place (community_id, id) on delete cascade,
	foreign key (community_id, department_code) references department (community_id, code),
	foreign key (community_id, assignee_user_id) references user_account (community_id, id),
	check ((department_code is null) <> (assignee_user_id is null))
);

create index appeal_routing_rule_category on appeal_routing_rule (community_id, category_code);

-- The matters of the source article. Big matters (wages, housing, jobs) get 15 working
-- days, small ones 5, a policy enquiry 3; a policy answer needs no callback.
insert into appeal_category (community_id, code, parent_code, name_zh, name_en, department_code, limit_days,
		warning_percent, callback_required, sort) values
	(1, 'WAGES_BENEFITS', null, '工资福利待遇', 'Wages and benefits', 'RETIREE_AFFAIRS', 15, 75, true, 10),
	(1, 'EMPLOYMENT', null, '就业/工作', 'Employment', 'GENERAL_OFFICE', 15, 75, true, 20),
	(1, 'HOUSING', null, '住房', 'Housing', 'HOUSING', 15, 75, true, 30),
	(1, 'PROPERTY_REPAIR', null, '物业维修', 'Property repairs', 'PROPERTY', 5, 75, true, 40),
	(1, 'TRANSPORT', null, '交通/班车', 'Transport and shuttle buses', 'TRANSPORT', 5, 75, true, 50),
	(1, 'UTILITIES', null, '水电气暖', 'Water, power, gas and heating', 'ENERGY', 5, 75, true, 60),
	(1, 'EDUCATION', null, '子女教育/幼教', 'Children''s education and kindergartens', 'KINDERGARTEN', 10, 75, true, 70),
	(1, 'CANTEEN', null, '食堂', 'Canteens', 'CANTEEN', 5, 75, true, 80),
	(1, 'GUESTHOUSE', null, '宾馆', 'Guesthouses', 'GUESTHOUSE', 5, 75, true, 90),
	(1, 'SANITATION', null, '环境卫生', 'Sanitation', 'SANITATION', 5, 75, true, 100),
	(1, 'PUBLIC_SECURITY', null, '治安', 'Public security', 'SECURITY', 5, 75, true, 110),
	(1, 'FAMILY_PLANNING', null, '计划生育', 'Family planning', 'FAMILY_PLANNING', 10, 75, true, 120),
	(1, 'NEIGHBOUR_DISPUTE', null, '邻里纠纷', 'Neighbour disputes', 'GENERAL_OFFICE', 5, 75, true, 130),
	(1, 'POLICY_ENQUIRY', null, '政策咨询', 'Policy enquiries', 'GENERAL_OFFICE', 3, 75, false, 140),
	(1, 'OTHER', null, '其他', 'Other', 'GENERAL_OFFICE', 10, 75, true, 150);

insert into appeal_category (community_id, code, parent_code, name_zh, name_en, department_code, limit_days,
		warning_percent, callback_required, sort) values
	(1, 'PENSION', 'WAGES_BENEFITS', '养老金', 'Pensions', 'RETIREE_AFFAIRS', 15, 75, true, 10),
	(1, 'ALLOWANCE', 'WAGES_BENEFITS', '补贴', 'Allowances', 'RETIREE_AFFAIRS', 15, 75, true, 20),
	(1, 'MEDICAL_REIMBURSEMENT', 'WAGES_BENEFITS', '医疗报销', 'Medical reimbursement', 'RETIREE_AFFAIRS', 15, 75, true, 30),
	(1, 'FLYPOSTING', 'SANITATION', '牛皮癣/乱张贴', 'Flyposting', 'SANITATION', 5, 75, true, 10),
	(1, 'DUMPING', 'SANITATION', '乱堆放', 'Dumping', 'SANITATION', 5, 75, true, 20),
	(1, 'CHICKENS', 'NEIGHBOUR_DISPUTE', '养鸡', 'Keeping chickens', 'PROPERTY', 5, 75, true, 10),
	(1, 'DOGS', 'NEIGHBOUR_DISPUTE', '养狗', 'Dogs', 'PROPERTY', 5, 75, true, 20),
	(1, 'VEGETABLE_PLOTS', 'NEIGHBOUR_DISPUTE', '种菜', 'Vegetable plots', 'PROPERTY', 5, 75, true, 30),
	(1, 'NOISE', 'NEIGHBOUR_DISPUTE', '噪音', 'Noise', 'PROPERTY', 5, 75, true, 40);
