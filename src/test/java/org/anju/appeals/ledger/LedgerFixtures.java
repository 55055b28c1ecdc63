package org.anju.appeals.ledger;

import java.util.concurrent.atomic.AtomicInteger;

import java.util.concurrent.ThreadLocalRandom;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.Workbooks;
import org.anju.appeals.AppealAction;
import org.anju.appeals.AppealCategories;
import org.anju.appeals.AppealCategory;
import org.anju.appeals.AppealFixtures;
import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.appeals.RoutingRules;
import org.anju.appeals.Satisfaction;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.identity.CurrentUser;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.PlaceManagement;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Appeals with outcomes known to the test, and ledgers in xlsx, for the ledger and
 * statistics tests; everything unique in the JVM's shared database.
 */
final class LedgerFixtures {

	/** Past days handed out one by one, from a start that differs in every JVM. */
	private static final AtomicInteger NEXT_DAY = new AtomicInteger(ThreadLocalRandom.current().nextInt(3000));

	/**
	 * @return a day of the past that no other test of this JVM uses, so that figures over
	 * it count only that test's appeals
	 */
	static LocalDate unusedDay() {
		return LocalDate.of(2001, 1, 1).plusDays(NEXT_DAY.getAndIncrement());
	}

	static final String FORMULA_TITLE = "=HYPERLINK(\"http://evil\")";

	private final AppealManagement appeals;

	private final AppealFixtures categories;

	private final RegistryFixtures registry;

	private final InterestGroups groups;

	private final JdbcClient jdbc;

	private final MockMvc mvc;

	private final ObjectMapper json;

	LedgerFixtures(AppealManagement appeals, AppealCategories categories, RoutingRules rules, PlaceManagement places,
			PersonManagement people, InterestGroups groups, JdbcClient jdbc, MockMvc mvc, ObjectMapper json) {
		this.appeals = appeals;
		this.categories = new AppealFixtures(categories, rules);
		this.registry = new RegistryFixtures(places, people, null);
		this.groups = groups;
		this.jdbc = jdbc;
		this.mvc = mvc;
		this.json = json;
	}

	ApiCallers callers() {
		return new ApiCallers(this.mvc, this.json);
	}

	/**
	 * Five appeals of one new category, received on {@code day}: A's on time and
	 * satisfied (#1) and late and very satisfied (#2); B's reopened after a dissatisfied
	 * callback (#3) and still waiting for dispatch (#5); an unregistered caller's
	 * resolved without a callback (#4, titled like a formula). A is in two new groups, B
	 * in one.
	 */
	FiveAppeals fiveAppeals(LocalDate day) {
		CurrentUser admin = RegistryFixtures.admin();
		InterestGroup both = group();
		InterestGroup first = group();
		Street street = this.registry.street();
		Person a = person(street, List.of(both.code(), first.code()));
		Person b = person(street, List.of(both.code()));
		AppealCategory category = this.categories.category("PROPERTY");
		String callerPhone = RegistryFixtures.mobile();
		AppealView one = submit(a.id(), null, null, category, "门口路灯不亮");
		AppealView two = submit(a.id(), null, null, category, "楼道漏水");
		AppealView three = submit(b.id(), null, null, category, "电梯异响");
		AppealView four = submit(null, "路过的", callerPhone, category, FORMULA_TITLE);
		AppealView five = submit(b.id(), null, null, category, "垃圾桶不够");
		long v = resolve(admin, one, false);
		this.appeals.act(admin, one.id(), v, new AppealAction.Callback(Satisfaction.SATISFIED, null));
		v = resolve(admin, two, true);
		this.appeals.act(admin, two.id(), v, new AppealAction.Callback(Satisfaction.VERY_SATISFIED, null));
		v = resolve(admin, three, false);
		this.appeals.act(admin, three.id(), v, new AppealAction.Callback(Satisfaction.DISSATISFIED, "还是响"));
		resolve(admin, four, false);
		this.jdbc.sql("update appeal set received_at = :at where community_id = 1 and id = any(:ids)")
			.param("at", Timestamp.from(day.atTime(LocalTime.of(10, 0)).atZone(WorkingCalendar.ZONE).toInstant()))
			.param("ids", new Long[] { one.id(), two.id(), three.id(), four.id(), five.id() })
			.update();
		return new FiveAppeals(category, both, first, street, a, b, callerPhone,
				List.of(one.id(), two.id(), three.id(), four.id(), five.id()), one.number());
	}

	AppealCategory category() {
		return this.categories.category("PROPERTY");
	}

	Person person(Street street, List<String> groupCodes) {
		return person(street, groupCodes, org.anju.shared.IdNumberFixtures.newIdNumber());
	}

	Person person(Street street, List<String> groupCodes, String idNumber) {
		return this.registry.person(new PersonForm(RegistryFixtures.chineseName(), idNumber, RegistryFixtures.mobile(),
				street.room().id(), groupCodes, null, null, null));
	}

	Street street() {
		return this.registry.street();
	}

	private InterestGroup group() {
		String code = AppealFixtures.code();
		return this.groups.create(RegistryFixtures.COMMUNITY, code, RegistryFixtures.unique("类别"),
				RegistryFixtures.unique("Group"));
	}

	private AppealView submit(@Nullable Long personId, @Nullable String callerName, @Nullable String callerPhone,
			AppealCategory category, String title) {
		return this.appeals.submit(RegistryFixtures.admin(), new NewAppeal(personId, callerName, callerPhone, List.of(),
				category.code(), Channel.PHONE, title, title + "，请尽快处理", null, null, false, false, null));
	}

	/**
	 * Assigns, accepts and resolves an appeal, late if asked.
	 * @return its version
	 */
	private long resolve(CurrentUser admin, AppealView appeal, boolean late) {
		AppealView step = this.appeals.act(admin, appeal.id(), appeal.version(),
				new AppealAction.Assign("PROPERTY", null, null));
		step = this.appeals.act(admin, appeal.id(), step.version(), new AppealAction.Accept());
		if (late) {
			this.jdbc.sql("update appeal set due_at = now() - interval '1 day' where community_id = 1 and id = :id")
				.param("id", appeal.id())
				.update();
		}
		return this.appeals.act(admin, appeal.id(), step.version(), new AppealAction.Resolve("已处理")).version();
	}

	/**
	 * Writes a ledger: the header row, then each row's values (strings, numbers, or
	 * {@code null} for an empty cell).
	 */
	static byte[] xlsx(List<String> headers, List<List<?>> rows) throws IOException {
		return Workbooks.xlsx("台账", headers, rows);
	}

	record FiveAppeals(AppealCategory category, InterestGroup groupOfBoth, InterestGroup groupOfFirst, Street street,
			Person a, Person b, String callerPhone, List<Long> ids, String firstNumber) {
	}

}
