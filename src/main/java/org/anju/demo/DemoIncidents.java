package org.anju.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFlag;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealState;
import org.anju.appeals.Channel;
import org.anju.appeals.PastAppeal;
import org.anju.appeals.Satisfaction;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.people.PersonStatus;
import org.anju.stability.KeyPersons;
import org.anju.stability.MoodNotes;
import org.anju.stability.NewContact;
import org.anju.stability.NewKeyPerson;
import org.anju.stability.NewMoodNote;
import org.jspecify.annotations.Nullable;

/**
 * Plants the incidents the warning engine's backtest looks for, in the weeks before
 * today, the way they build up in a real community:
 * <ul>
 * <li>a collective petition (集体访) of the 协解 group on day −20, after a month of pension
 * appeals, repeats and 不满意 callbacks and mood notes that turned dissatisfied and then
 * agitated in several grids;</li>
 * <li>a level-skipping petition (越级访) by one resident on day −10, after three housing
 * appeals, two of them repeats called back 不满意, and agitated notes;</li>
 * <li>a level-skipping petition on day −5 by a resident nobody had heard from, which no
 * warning can foresee;</li>
 * <li>a level-skipping petition on day −3 by a weekly-visited key person (grade A) whom
 * nobody had visited since day −36: four contacts missed by day −7;</li>
 * <li>and two quiet control groups, the retirees and the internal early retirees, with
 * ordinary appeals, all settled, and calm notes.</li>
 * </ul>
 * The appeals go in as history (as a ledger import would write them), the notes are dated
 * on their days, and the key person is taken over with the contacts logged on theirs (as
 * from a paper register), the missed due days recorded as the clock records them. A
 * conflict case cannot be backdated, so none is planted.
 */
class DemoIncidents {

	static final String COLLECTIVE_GROUP = "CONTRACT_TERMINATED";

	static final List<String> CONTROL_GROUPS = List.of("RETIRED", "INTERNAL_EARLY_RETIRED");

	static final String RESIDENTS = "FAMILY_RESIDENT";

	private final AppealManagement appeals;

	private final AppealCategories categories;

	private final MoodNotes notes;

	private final PeopleSearch search;

	private final AuditTrail audit;

	private final KeyPersons keyPersons;

	private final UserManagement users;

	DemoIncidents(AppealManagement appeals, AppealCategories categories, MoodNotes notes, PeopleSearch search,
			AuditTrail audit, KeyPersons keyPersons, UserManagement users) {
		this.keyPersons = keyPersons;
		this.users = users;
		this.appeals = appeals;
		this.categories = categories;
		this.notes = notes;
		this.search = search;
		this.audit = audit;
	}

	/**
	 * Plants the incidents, counting days back from {@code today}, and audits the appeals
	 * written as history as a whole (the notes audit themselves), inside the caller's
	 * transaction.
	 * @return what was planted: each incident with the subject it concerns
	 * @throws IllegalStateException when the community lacks the people to plant them on
	 */
	List<Planted> plant(CurrentUser admin, LocalDate today) {
		List<Person> crowd = members(admin, COLLECTIVE_GROUP, 8);
		List<Person> residents = members(admin, RESIDENTS, 3);
		List<Planted> planted = new ArrayList<>();
		planted.add(collectivePetition(admin, today, crowd));
		planted.add(levelSkipping(admin, today, residents.get(0)));
		Person stranger = residents.get(1);
		appeal(admin, stranger, "PROPERTY_REPAIR", today.minusDays(5), AppealState.IN_PROGRESS, null, null, 1,
				Set.of(AppealFlag.ESCALATED), Channel.REFERRAL, "越级到区住建局反映楼顶漏水");
		planted.add(new Planted("ESCALATED", "PERSON:" + stranger.id(), today.minusDays(5), false));
		planted.add(unvisitedKeyPerson(admin, today, residents.get(2)));
		for (String group : CONTROL_GROUPS) {
			quietGroup(admin, today, members(admin, group, 5), group);
			planted.add(new Planted("CONTROL", "GROUP:" + group, null, false));
		}
		this.audit.record(admin.community(), "DEMO_INCIDENTS_PLANTED", "COMMUNITY", admin.communityId(),
				Map.of("incidents", planted.stream().map(Planted::subject).toList()));
		return planted;
	}

	private Planted collectivePetition(CurrentUser admin, LocalDate today, List<Person> crowd) {
		String pension = "PENSION";
		Set<AppealFlag> repeat = Set.of(AppealFlag.REPEAT);
		appeal(admin, crowd.get(1), pension, today.minusDays(45), AppealState.CLOSED, today.minusDays(38),
				Satisfaction.DISSATISFIED, 1, Set.of(), Channel.WALK_IN, "社保补缴基数核定有误");
		appeal(admin, crowd.get(2), pension, today.minusDays(40), AppealState.CLOSED, today.minusDays(33),
				Satisfaction.DISSATISFIED, 1, Set.of(), Channel.PHONE, "协解期间社保断缴，要求补缴");
		appeal(admin, crowd.get(1), pension, today.minusDays(34), AppealState.CLOSED, today.minusDays(28),
				Satisfaction.DISSATISFIED, 1, repeat, Channel.WALK_IN, "再次反映社保补缴基数问题");
		appeal(admin, crowd.get(3), pension, today.minusDays(30), AppealState.CLOSED, today.minusDays(22),
				Satisfaction.BASICALLY_SATISFIED, 1, Set.of(), Channel.PHONE, "咨询社保补缴政策");
		// the week before: four more of them, one again, while the answers are still out
		appeal(admin, crowd.get(2), pension, today.minusDays(27), AppealState.CLOSED, today.minusDays(15),
				Satisfaction.DISSATISFIED, 1, repeat, Channel.WALK_IN, "第二次反映社保断缴，情绪激动");
		for (int i = 4; i <= 6; i++) {
			appeal(admin, crowd.get(i), pension, today.minusDays(29 - i), AppealState.CLOSED, today.minusDays(15),
					Satisfaction.BASICALLY_SATISFIED, 1, Set.of(), Channel.PHONE, "要求落实协解人员社保补缴");
		}
		List<Long> grids = grids(crowd);
		groupNote(admin, COLLECTIVE_GROUP, grids.get(0), today.minusDays(35), "CONCERNED", "座谈中多人关心社保补缴政策");
		groupNote(admin, COLLECTIVE_GROUP, grids.get(1), today.minusDays(28), "DISSATISFIED", "对补缴答复不满，有人提出集体反映");
		groupNote(admin, COLLECTIVE_GROUP, grids.get(0), today.minusDays(24), "AGITATED", "有人串联，商量到公司集体上访");
		groupNote(admin, COLLECTIVE_GROUP, grids.get(2), today.minusDays(23), "AGITATED", "微信群里约定时间集体反映");
		personNote(admin, crowd.get(1), today.minusDays(26), "AGITATED", "扬言不解决就去上访");
		personNote(admin, crowd.get(2), today.minusDays(24), "DISSATISFIED", "对答复不满意");
		LocalDate day = today.minusDays(20);
		appeal(admin, crowd.get(0), pension, day, AppealState.RESOLVED, today.minusDays(6), null, 36,
				Set.of(AppealFlag.COLLECTIVE), Channel.VISIT, "协解人员三十余人集体上访，要求解决社保补缴");
		return new Planted("COLLECTIVE", "GROUP:" + COLLECTIVE_GROUP, day, true);
	}

	private Planted levelSkipping(CurrentUser admin, LocalDate today, Person resident) {
		Set<AppealFlag> repeat = Set.of(AppealFlag.REPEAT);
		appeal(admin, resident, "HOUSING", today.minusDays(70), AppealState.CLOSED, today.minusDays(60),
				Satisfaction.DISSATISFIED, 1, Set.of(), Channel.WALK_IN, "房改房产权证办不下来");
		appeal(admin, resident, "HOUSING", today.minusDays(40), AppealState.CLOSED, today.minusDays(30),
				Satisfaction.DISSATISFIED, 1, repeat, Channel.WALK_IN, "再次反映产权证问题");
		appeal(admin, resident, "HOUSING", today.minusDays(18), AppealState.IN_PROGRESS, null, null, 1, repeat,
				Channel.PHONE, "第三次反映产权证，称要去市里反映");
		personNote(admin, resident, today.minusDays(16), "DISSATISFIED", "对产权证办理进度很不满");
		personNote(admin, resident, today.minusDays(13), "AGITATED", "情绪激动，扬言到市信访局");
		LocalDate day = today.minusDays(10);
		appeal(admin, resident, "HOUSING", day, AppealState.IN_PROGRESS, null, null, 1, Set.of(AppealFlag.ESCALATED),
				Channel.REFERRAL, "越级到市信访局反映房改房产权证问题");
		return new Planted("ESCALATED", "PERSON:" + resident.id(), day, true);
	}

	/**
	 * A key person visited every week from day −113 to day −36, then no more (the grid
	 * worker was taken off for other work), who goes over the community's head on day −3.
	 */
	private Planted unvisitedKeyPerson(CurrentUser admin, LocalDate today, Person person) {
		List<Long> workers = this.users.gridWorkerIds(admin.community(), person.gridId());
		long responsible = workers.isEmpty() ? this.users.enabledIds(admin.community(), Role.LEADER, null).get(0)
				: workers.get(0);
		List<NewContact> contacts = new ArrayList<>();
		for (int day = 113; day >= 36; day -= 7) {
			contacts.add(new NewContact(today.minusDays(day).toString(), "VISIT",
					(day == 36) ? "上门走访，仍对征收补偿方案有意见" : "上门走访，情绪基本稳定", null, List.of()));
		}
		this.keyPersons.recordPast(admin, new NewKeyPerson(person.id(), "房屋征收补偿长期未解决，多次扬言越级上访", "A", null, responsible),
				today.minusDays(120), contacts);
		LocalDate day = today.minusDays(3);
		appeal(admin, person, "HOUSING", day, AppealState.IN_PROGRESS, null, null, 1, Set.of(AppealFlag.ESCALATED),
				Channel.REFERRAL, "越级到省信访局反映房屋征收补偿问题");
		return new Planted("ESCALATED", "PERSON:" + person.id(), day, true);
	}

	private void quietGroup(CurrentUser admin, LocalDate today, List<Person> members, String group) {
		String[] everyday = { "PROPERTY_REPAIR", "UTILITIES", "SANITATION", "PROPERTY_REPAIR", "UTILITIES" };
		for (int i = 0; i < members.size(); i++) {
			LocalDate on = today.minusDays(55 - i * 11L);
			appeal(admin, members.get(i), everyday[i % everyday.length], on, AppealState.CLOSED, on.plusDays(3),
					Satisfaction.SATISFIED, 1, Set.of(), Channel.PHONE, "日常报修");
		}
		List<Long> grids = grids(members);
		groupNote(admin, group, grids.get(0), today.minusDays(40), "CALM", "例行座谈，情绪平稳");
		groupNote(admin, group, grids.get(grids.size() - 1), today.minusDays(12), "CONCERNED", "关心今年调标幅度");
	}

	private void appeal(CurrentUser admin, Person person, String categoryCode, LocalDate on, AppealState state,
			@Nullable LocalDate resolvedOn, @Nullable Satisfaction satisfaction, int peopleCount, Set<AppealFlag> flags,
			Channel channel, String title) {
		AppealCategory category = this.categories.get(admin.community(), categoryCode);
		this.appeals.recordPast(admin,
				new PastAppeal(null, state, channel, category, category.departmentCode(), person, null, null, title,
						title + "。", at(on, 9), (resolvedOn != null) ? at(resolvedOn, 16) : null,
						(resolvedOn != null) ? "已答复" : null, satisfaction, Map.of("demo", "planted incident"),
						peopleCount, flags));
	}

	private void groupNote(CurrentUser admin, String group, long gridId, LocalDate on, String mood, String summary) {
		this.notes.file(admin, new NewMoodNote("GROUP", null, group, gridId, on.toString(), "MEETING", mood,
				List.of("PENSION"), List.of(), summary));
	}

	private void personNote(CurrentUser admin, Person person, LocalDate on, String mood, String summary) {
		this.notes.file(admin, new NewMoodNote("PERSON", person.id(), null, null, on.toString(), "VISIT", mood,
				List.of(), List.of(), summary));
	}

	/**
	 * @return registered members of the group who belong to it alone, so that their
	 * appeals count for it and nothing else
	 */
	private List<Person> members(CurrentUser admin, String group, int count) {
		List<Person> found = this.search
			.search(admin.scope(), new PeopleQuery(null, group, null, null, PersonStatus.REGISTERED), null, 200)
			.items()
			.stream()
			.filter((person) -> person.groups().size() == 1 && person.gridId() != null)
			.limit(count)
			.toList();
		if (found.size() < count) {
			throw new IllegalStateException("the demo needs " + count + " people of " + group + " alone");
		}
		return found;
	}

	/**
	 * @return the distinct grids the people live in, at least three (repeating the last)
	 */
	private static List<Long> grids(List<Person> people) {
		List<Long> grids = new ArrayList<>(new LinkedHashSet<>(people.stream().map(Person::gridId).toList()));
		while (grids.size() < 3) {
			grids.add(grids.get(grids.size() - 1));
		}
		return grids;
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(LocalTime.of(hour, 30)).atZone(WorkingCalendar.ZONE).toInstant();
	}

	/**
	 * One planted incident or control group.
	 *
	 * @param kind {@code COLLECTIVE}, {@code ESCALATED} or {@code CONTROL}
	 * @param subject the risk subject key it concerns
	 * @param day when it happened; {@literal null} for a control group
	 * @param foreseeable whether signals built up before it
	 */
	record Planted(String kind, String subject, @Nullable LocalDate day, boolean foreseeable) {
	}

}
