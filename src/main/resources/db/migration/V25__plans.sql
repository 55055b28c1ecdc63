-- Contingency plans (维稳预案) as playbooks: a library of versioned plans, each version approved by
-- a leader before it can run, and the incidents (and drills) that an activation creates, with
-- their role holders, task timers, information reports and timeline.

-- A plan is the stable identity that incidents and drill statistics count by; its content lives in
-- versions. The seeded templates carry a code; plans written by the community have none.
create table contingency_plan (
	community_id bigint not null references community (id),
	id bigint generated always as identity,
	code text check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
	name_zh text not null check (length(name_zh) between 1 and 40),
	name_en text not null check (length(name_en) between 1 and 80),
	sort int not null default 0,
	-- the ETag: every edit, approval or new version of the plan increments it
	version int not null default 0,
	created_at timestamptz not null default now(),
	primary key (community_id, id),
	unique (community_id, code)
);

-- An approved version is frozen: an edit makes a new draft. Approving a draft supersedes the
-- version approved before it, so that at most one version of a plan can be activated.
create table plan_version (
	community_id bigint not null,
	plan_id bigint not null,
	number int not null check (number >= 1),
	state text not null check (state in ('DRAFT', 'APPROVED', 'SUPERSEDED')),
	trigger_text text not null check (length(trigger_text) between 1 and 2000),
	-- warning levels and subject types of the warnings engine, kept as codes
	warning_levels text[] not null default '{}'
		check (warning_levels <@ array['BLUE', 'YELLOW', 'ORANGE', 'RED']),
	warning_subject_types text[] not null default '{}'
		check (warning_subject_types <@ array['PERSON', 'GROUP', 'GRID', 'AREA', 'COMMUNITY']),
	-- what response level I (特别重大) to IV (一般) means for this plan: {"I": "...", ...}
	levels jsonb not null,
	-- [{"name","unit","phone"}] and [{"name","quantity","location"}]
	contacts jsonb not null default '[]',
	resources jsonb not null default '[]',
	created_at timestamptz not null default now(),
	created_by text not null,
	approved_at timestamptz,
	approved_by bigint,
	primary key (community_id, plan_id, number),
	foreign key (community_id, plan_id) references contingency_plan (community_id, id),
	foreign key (community_id, approved_by) references user_account (community_id, id),
	check ((state = 'DRAFT') = (approved_at is null))
);
create unique index plan_version_one_draft on plan_version (community_id, plan_id) where state = 'DRAFT';
create unique index plan_version_one_approved on plan_version (community_id, plan_id) where state = 'APPROVED';

-- The command roles of a version, each with the account that holds it by default.
create table plan_role (
	community_id bigint not null,
	plan_id bigint not null,
	number int not null,
	role text not null check (role in ('COMMANDER', 'ON_SITE', 'REPORTING', 'LOGISTICS', 'MEDICAL', 'COMMUNICATION')),
	default_user_id bigint,
	primary key (community_id, plan_id, number, role),
	foreign key (community_id, plan_id, number) references plan_version (community_id, plan_id, number)
		on delete cascade,
	foreign key (community_id, default_user_id) references user_account (community_id, id)
);
-- The coverage check looks plan roles up by their holder.
create index plan_role_default on plan_role (community_id, default_user_id) where default_user_id is not null;

-- A role's checklist: each step must be done within its minutes after activation.
create table plan_step (
	community_id bigint not null,
	plan_id bigint not null,
	number int not null,
	role text not null,
	sort int not null,
	title text not null check (length(title) between 1 and 200),
	minutes int not null check (minutes between 1 and 43200),
	primary key (community_id, plan_id, number, role, sort),
	foreign key (community_id, plan_id, number, role) references plan_role (community_id, plan_id, number, role)
		on delete cascade
);

create table incident (
	community_id bigint not null,
	id bigint generated always as identity,
	plan_id bigint not null,
	plan_number int not null,
	level text not null check (level in ('I', 'II', 'III', 'IV')),
	-- a warning of the warnings engine, as a value until that module lands
	warning_id bigint,
	drill boolean not null,
	state text not null check (state in ('ACTIVE', 'CLOSED')),
	activated_at timestamptz not null,
	activated_by bigint not null,
	closed_at timestamptz,
	review text check (length(review) between 1 and 5000),
	version int not null default 0,
	primary key (community_id, id),
	foreign key (community_id, plan_id, plan_number) references plan_version (community_id, plan_id, number),
	foreign key (community_id, activated_by) references user_account (community_id, id),
	check ((state = 'CLOSED') = (closed_at is not null)),
	check (state = 'ACTIVE' or review is not null)
);
create index incident_recent on incident (community_id, id desc);
-- drills per plan per year
create index incident_plan on incident (community_id, plan_id, activated_at);

create table incident_role (
	community_id bigint not null,
	incident_id bigint not null,
	role text not null,
	user_id bigint not null,
	primary key (community_id, incident_id, role),
	foreign key (community_id, incident_id) references incident (community_id, id),
	foreign key (community_id, user_id) references user_account (community_id, id)
);
create index incident_role_user on incident_role (community_id, user_id);

create table incident_task (
	community_id bigint not null,
	id bigint generated always as identity,
	incident_id bigint not null,
	role text not null,
	sort int not null,
	title text not null,
	due_at timestamptz not null,
	done_at timestamptz,
	done_by bigint,
	-- set once by the poller that told the holder and the commander
	overdue_fired_at timestamptz,
	primary key (community_id, id),
	foreign key (community_id, incident_id) references incident (community_id, id),
	foreign key (community_id, done_by) references user_account (community_id, id)
);
create index incident_task_of on incident_task (community_id, incident_id, sort);
create index incident_task_due on incident_task (community_id, due_at)
	where done_at is null and overdue_fired_at is null;

-- Information reports: the first (首报), follow-ups (续报) and the final one (终报).
create table incident_report (
	community_id bigint not null,
	id bigint generated always as identity,
	incident_id bigint not null,
	kind text not null check (kind in ('FIRST', 'FOLLOW_UP', 'FINAL')),
	due_at timestamptz not null,
	filed_at timestamptz,
	filed_by bigint,
	text text check (length(text) between 1 and 5000),
	overdue_fired_at timestamptz,
	primary key (community_id, id),
	foreign key (community_id, incident_id) references incident (community_id, id),
	foreign key (community_id, filed_by) references user_account (community_id, id),
	check ((filed_at is null) = (text is null))
);
create index incident_report_of on incident_report (community_id, incident_id, id);
create index incident_report_due on incident_report (community_id, due_at)
	where filed_at is null and overdue_fired_at is null;

create table incident_entry (
	community_id bigint not null,
	id bigint generated always as identity,
	incident_id bigint not null,
	at timestamptz not null,
	actor text not null,
	action text not null,
	note text,
	primary key (community_id, id),
	foreign key (community_id, incident_id) references incident (community_id, id)
);
create index incident_entry_of on incident_entry (community_id, incident_id, id);

-- Overdue tasks and reports reach the inbox.
do $$
declare
	name text;
begin
	for name in select conname from pg_constraint
		where conrelid = 'notification'::regclass and contype = 'c'
		  and (pg_get_constraintdef(oid) like '%kind%' or pg_get_constraintdef(oid) like '%subject_type%')
	loop
		execute format('alter table notification drop constraint %I', name);
	end loop;
end $$;
alter table notification add check (kind in ('ASSIGNED', 'TRANSFERRED', 'RETURNED', 'REOPENED', 'URGED',
	'NEARLY_DUE', 'OVERDUE', 'SCREENING_DUE', 'SCREENING_LATE', 'WARNING_RAISED', 'WARNING_ACK_OVERDUE',
	'KEY_PERSON_CONTACT_MISSED', 'COVERAGE_GAP', 'PLAN_TASK_OVERDUE', 'PLAN_REPORT_OVERDUE'));
alter table notification add check (subject_type in ('APPEAL', 'SCREENING_ROUND', 'WARNING', 'KEY_PERSON',
	'COVERAGE_GAP', 'INCIDENT'));

-- The ten templates of the stability issue, as drafts: a leader names the default holders,
-- reviews and approves a template before it can run. Every community gets them, the existing
-- ones here and a new one when it is inserted.
create function seed_contingency_plans(c bigint) returns void language plpgsql as $$
declare
	generic_levels constant jsonb := jsonb_build_object(
		'I', '特别重大：造成或可能造成人员死亡、大面积影响，须企业主要领导到场指挥',
		'II', '重大：多人受伤或影响一个片区，须社区主要领导到场指挥',
		'III', '较大：影响一个网格或小区，分管领导到场指挥',
		'IV', '一般：影响个别楼栋或家庭，责任部门负责人处置');
	common_contacts constant jsonb := '[
		{"name": "企业总值班室", "unit": "企业办公室", "phone": "0730-8000110"},
		{"name": "社区值班室", "unit": "综合办公室", "phone": "0730-8000120"},
		{"name": "报警", "unit": "公安", "phone": "110"},
		{"name": "急救", "unit": "医疗急救中心", "phone": "120"}]';
begin
	insert into contingency_plan (community_id, code, name_zh, name_en, sort)
	select c, t.code, t.name_zh, t.name_en, t.sort
	from (values
		('PETITION_GATHERING', '群体上访/聚集', 'Collective petition or gathering', 10),
		('ESCALATED_PETITION', '越级/进京上访', 'Petition skipping levels or to the capital', 20),
		('CANTEEN_FOOD_POISONING', '食堂食物中毒', 'Food poisoning in a canteen', 30),
		('GAS_LEAK', '燃气泄漏', 'Gas leak', 40),
		('FIRE', '火灾', 'Fire', 50),
		('FLOOD', '防汛', 'Flood', 60),
		('HEATING_OUTAGE', '冬季供暖中断', 'Loss of heating in winter', 70),
		('WATER_POWER_OUTAGE', '大面积停水停电', 'Wide water or power outage', 80),
		('KINDERGARTEN_SAFETY', '幼儿园安全事件', 'Kindergarten safety incident', 90),
		('PUBLIC_HEALTH', '公共卫生事件', 'Public-health incident', 100)) as t(code, name_zh, name_en, sort);

	insert into plan_version (community_id, plan_id, number, state, trigger_text, warning_levels,
			warning_subject_types, levels, contacts, resources, created_by)
	select c, p.id, 1, 'DRAFT', t.trigger_text, t.warning_levels, t.subjects, coalesce(t.levels, generic_levels),
		common_contacts || t.contacts, t.resources, 'system'
	from contingency_plan p
	join (values
		('PETITION_GATHERING',
			'5 人以上到社区、企业机关或公共场所聚集上访，或掌握到群体串联、计划集体上访的信息；橙色及以上预警自动提示启动。',
			array['ORANGE', 'RED'], array['GROUP', 'AREA', 'COMMUNITY'],
			jsonb_build_object('I', '聚集 300 人以上，或堵路、冲击企业机关', 'II', '聚集 100 至 300 人',
				'III', '聚集 30 至 100 人', 'IV', '聚集 5 至 30 人'),
			'[{"name": "企业信访办", "unit": "企业信访办公室", "phone": "0730-8000130"}]'::jsonb,
			'[{"name": "上访接待室", "quantity": "1 间", "location": "社区办公楼一楼"}, {"name": "执法记录仪", "quantity": "4 台", "location": "保卫科"}]'::jsonb),
		('ESCALATED_PETITION',
			'发现人员赴省进京或越级上访，或掌握到越级上访动向；红色预警自动提示启动。',
			array['RED'], array['PERSON', 'GROUP'],
			jsonb_build_object('I', '进京上访 5 人以上', 'II', '进京上访 5 人以下或赴省 5 人以上',
				'III', '赴省上访 5 人以下', 'IV', '赴市、区越级上访'),
			'[{"name": "企业信访办", "unit": "企业信访办公室", "phone": "0730-8000130"}, {"name": "属地信访局", "unit": "区信访局", "phone": "0730-8230000"}]'::jsonb,
			'[{"name": "接返车辆", "quantity": "2 辆", "location": "交通车队"}]'::jsonb),
		('CANTEEN_FOOD_POISONING',
			'同一食堂就餐后 2 人以上出现呕吐、腹泻、发热等相似症状。',
			array[]::text[], array[]::text[], null::jsonb,
			'[{"name": "疾控中心", "unit": "区疾病预防控制中心", "phone": "0730-8240000"}, {"name": "市场监管所", "unit": "区市场监管局", "phone": "12315"}]'::jsonb,
			'[{"name": "留样冰柜", "quantity": "各食堂 1 台", "location": "食堂后厨"}]'::jsonb),
		('GAS_LEAK',
			'居民报告燃气异味、燃气报警器报警，或管网巡检发现泄漏。',
			array[]::text[], array[]::text[], null::jsonb,
			'[{"name": "燃气抢修", "unit": "燃气公司", "phone": "0730-8250000"}, {"name": "火警", "unit": "消防", "phone": "119"}]'::jsonb,
			'[{"name": "燃气检测仪", "quantity": "2 台", "location": "能源科"}, {"name": "警戒带", "quantity": "500 米", "location": "保卫科"}]'::jsonb),
		('FIRE',
			'社区楼栋、商铺、仓库或公共场所发生火情。',
			array[]::text[], array[]::text[], null::jsonb,
			'[{"name": "火警", "unit": "消防", "phone": "119"}]'::jsonb,
			'[{"name": "灭火器", "quantity": "每楼栋 4 具", "location": "楼道"}, {"name": "应急照明", "quantity": "20 套", "location": "物业仓库"}]'::jsonb),
		('FLOOD',
			'气象部门发布暴雨黄色及以上预警，或社区出现内涝积水、山体滑坡隐患。',
			array[]::text[], array['AREA', 'COMMUNITY'], null::jsonb,
			'[{"name": "防汛办", "unit": "区防汛抗旱指挥部", "phone": "0730-8260000"}]'::jsonb,
			'[{"name": "沙袋", "quantity": "2000 个", "location": "物业仓库"}, {"name": "抽水泵", "quantity": "6 台", "location": "能源科"}]'::jsonb),
		('HEATING_OUTAGE',
			'供暖期内一个小区或 100 户以上停暖超过 4 小时，或室温低于 16 ℃ 的投诉集中出现。',
			array['YELLOW', 'ORANGE', 'RED'], array['AREA', 'GRID'], null::jsonb,
			'[{"name": "热力公司调度", "unit": "热力公司", "phone": "0730-8270000"}]'::jsonb,
			'[{"name": "电暖器", "quantity": "50 台", "location": "物业仓库"}]'::jsonb),
		('WATER_POWER_OUTAGE',
			'非计划停水或停电影响 500 户以上，或持续 6 小时以上。',
			array['YELLOW', 'ORANGE', 'RED'], array['AREA', 'GRID'], null::jsonb,
			'[{"name": "供电抢修", "unit": "供电公司", "phone": "95598"}, {"name": "供水抢修", "unit": "水务公司", "phone": "0730-8280000"}]'::jsonb,
			'[{"name": "送水车", "quantity": "2 辆", "location": "交通车队"}, {"name": "发电机", "quantity": "3 台", "location": "能源科"}]'::jsonb),
		('KINDERGARTEN_SAFETY',
			'幼儿园发生幼儿受伤、走失、食物中毒，或外来人员闯入等危及幼儿安全的情况。',
			array[]::text[], array[]::text[], null::jsonb,
			'[{"name": "区教育局", "unit": "学前教育科", "phone": "0730-8290000"}]'::jsonb,
			'[{"name": "防护钢叉", "quantity": "每园 2 把", "location": "门卫室"}]'::jsonb),
		('PUBLIC_HEALTH',
			'发现聚集性传染病疫情、群体性不明原因疾病，或上级启动公共卫生应急响应。',
			array[]::text[], array['AREA', 'COMMUNITY'], null::jsonb,
			'[{"name": "疾控中心", "unit": "区疾病预防控制中心", "phone": "0730-8240000"}]'::jsonb,
			'[{"name": "消毒物资", "quantity": "按 30 天储备", "location": "社区卫生服务站"}, {"name": "临时隔离点", "quantity": "1 处", "location": "招待所"}]'::jsonb)
		) as t(code, trigger_text, warning_levels, subjects, levels, contacts, resources) on t.code = p.code
	where p.community_id = c;

	insert into plan_role (community_id, plan_id, number, role)
	select c, p.id, 1, r.role
	from contingency_plan p
	cross join (values ('COMMANDER'), ('ON_SITE'), ('REPORTING'), ('LOGISTICS'), ('MEDICAL'), ('COMMUNICATION')) as r(role)
	where p.community_id = c and p.code is not null;

	-- Every plan starts with the same first step for each role; the plan's own steps follow.
	insert into plan_step (community_id, plan_id, number, role, sort, title, minutes)
	select c, p.id, 1, s.role, s.sort, s.title, s.minutes
	from contingency_plan p
	cross join (values
		('COMMANDER', 10, '确认启动预案和响应级别，召集指挥部成员', 10),
		('ON_SITE', 10, '到达现场，掌握情况，划定警戒区域', 30),
		('REPORTING', 10, '向企业总值班室首报：时间、地点、人数、已采取的措施', 60),
		('LOGISTICS', 10, '车辆、物资和后勤人员到位', 60),
		('MEDICAL', 10, '医护人员和急救药品待命，必要时到场', 30),
		('COMMUNICATION', 10, '统一对外口径，开始关注网络舆情', 120)) as s(role, sort, title, minutes)
	where p.community_id = c and p.code is not null;

	insert into plan_step (community_id, plan_id, number, role, sort, title, minutes)
	select c, p.id, 1, s.role, s.sort, s.title, s.minutes
	from contingency_plan p
	join (values
		('PETITION_GATHERING', 'ON_SITE', 20, '带班领导和网格员劝导群众选派代表（不超过 5 人）到接待室反映诉求', 15),
		('PETITION_GATHERING', 'COMMANDER', 20, '主要领导接待上访代表，当面听取诉求', 30),
		('PETITION_GATHERING', 'ON_SITE', 30, '登记人员身份、人数和诉求，逐人落实包保责任人', 60),
		('PETITION_GATHERING', 'COMMUNICATION', 20, '对合理诉求公布办理时限，做好政策解释', 240),
		('ESCALATED_PETITION', 'REPORTING', 20, '核实人员身份，报告企业信访办和属地信访部门', 30),
		('ESCALATED_PETITION', 'COMMANDER', 20, '指派包案领导和接返人员', 60),
		('ESCALATED_PETITION', 'LOGISTICS', 20, '安排接返车辆、差旅和食宿', 120),
		('ESCALATED_PETITION', 'ON_SITE', 20, '接返人员赶赴到达地，做好劝返和稳控', 720),
		('CANTEEN_FOOD_POISONING', 'MEDICAL', 20, '组织救治，重症立即送医，统计就诊人数', 15),
		('CANTEEN_FOOD_POISONING', 'ON_SITE', 20, '停止供餐，封存剩余食品和留样，保护现场', 30),
		('CANTEEN_FOOD_POISONING', 'REPORTING', 20, '向卫生健康和市场监管部门报告', 120),
		('CANTEEN_FOOD_POISONING', 'LOGISTICS', 20, '安排替代供餐', 180),
		('GAS_LEAK', 'ON_SITE', 20, '关闭气源阀门，禁止明火和开关电器，疏散楼内人员', 10),
		('GAS_LEAK', 'COMMANDER', 20, '通知燃气公司抢修，必要时报 119', 15),
		('GAS_LEAK', 'ON_SITE', 30, '检测浓度降至安全值后组织居民返回', 240),
		('FIRE', 'ON_SITE', 20, '拨打 119，组织初期扑救和人员疏散', 5),
		('FIRE', 'ON_SITE', 30, '清点疏散人员，引导消防车进场', 20),
		('FIRE', 'MEDICAL', 20, '救治受伤人员，重伤员送医', 15),
		('FIRE', 'LOGISTICS', 20, '安置受灾家庭的临时住宿和生活用品', 240),
		('FLOOD', 'ON_SITE', 20, '巡查低洼地段、地下车库和危旧房，转移受威胁群众', 30),
		('FLOOD', 'LOGISTICS', 20, '沙袋、抽水泵运到易涝点', 60),
		('FLOOD', 'COMMANDER', 20, '安排 24 小时值守，每 2 小时听取一次汛情', 120),
		('HEATING_OUTAGE', 'ON_SITE', 20, '查明停暖范围和原因，组织抢修', 30),
		('HEATING_OUTAGE', 'COMMUNICATION', 20, '告知居民停暖原因和预计恢复时间', 60),
		('HEATING_OUTAGE', 'LOGISTICS', 20, '走访孤寡老人和病患家庭，配发电暖器', 240),
		('WATER_POWER_OUTAGE', 'ON_SITE', 20, '查明停水停电范围和原因，联系抢修', 30),
		('WATER_POWER_OUTAGE', 'COMMUNICATION', 20, '发布停水停电通知和预计恢复时间', 60),
		('WATER_POWER_OUTAGE', 'MEDICAL', 20, '核实依赖供氧、透析等电力医疗设备的居民', 60),
		('WATER_POWER_OUTAGE', 'LOGISTICS', 20, '送水车到达临时供水点', 120),
		('KINDERGARTEN_SAFETY', 'ON_SITE', 20, '园长组织保护幼儿，清点人数', 10),
		('KINDERGARTEN_SAFETY', 'MEDICAL', 20, '受伤幼儿送医，由保育员全程陪同', 15),
		('KINDERGARTEN_SAFETY', 'COMMUNICATION', 20, '逐一通知家长，安抚家长情绪', 60),
		('KINDERGARTEN_SAFETY', 'REPORTING', 20, '报告区教育局学前教育科', 60),
		('PUBLIC_HEALTH', 'MEDICAL', 20, '配合疾控开展流行病学调查', 60),
		('PUBLIC_HEALTH', 'REPORTING', 20, '向疾控中心网络直报', 120),
		('PUBLIC_HEALTH', 'ON_SITE', 20, '落实隔离和环境消杀', 120),
		('PUBLIC_HEALTH', 'LOGISTICS', 20, '保障隔离人员生活物资配送', 240)
		) as s(code, role, sort, title, minutes) on s.code = p.code
	where p.community_id = c;
end $$;

do $$ begin perform seed_contingency_plans(id) from community; end $$;

create function seed_contingency_plans_of_new_community() returns trigger language plpgsql as $$
begin
	perform seed_contingency_plans(new.id);
	return new;
end $$;

create trigger community_seeds_contingency_plans after insert on community
	for each row execute function seed_contingency_plans_of_new_community();
