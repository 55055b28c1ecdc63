package org.anju;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import org.anju.Endpoints.Endpoint;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.ApiCallers;
import org.anju.people.Person;
import org.anju.shared.IdNumberFixtures;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The free-text fields of the console's forms, read from the mappings (a String request
 * parameter, a map of them, or a String field of a form object), each either a
 * {@link #ROWS row} that a test fills by posting the form as staff, or {@link #ACCOUNTED
 * accounted for} with the reason it is not: so that a form field added tomorrow is named
 * by the test until someone decides which it is.
 */
final class ConsoleForms {

	/** An interest group the rows make and then rename. */
	private static final String GROUP = code("G");

	/** An appeal category the rows make and then rename. */
	private static final String CATEGORY = code("C");

	/**
	 * The fields that only a console form types into this data set, each a row: posted as
	 * the administrator who made {@link SeededCommunity}'s objects, in this order (a
	 * later row may change what an earlier one saved, whose page was read in between).
	 */
	static final List<Row> ROWS = List.of(
			Row.accepted("place", "POST /places",
					(seeded, text) -> post("/places").param("kind", "AREA").param("name", text.apply("name")), "name"),
			Row.accepted("placeRename", "POST /places/{id}/rename", (seeded, text) -> {
				long room = seeded.street.room().id();
				return post("/places/" + room + "/rename").param("version", version(seeded, "/api/v1/places/" + room))
					.param("name", text.apply("name"));
			}, "name"),
			Row.accepted("group", "POST /groups",
					(seeded, text) -> post("/groups").param("code", GROUP)
						.param("nameZh", text.apply("nameZh"))
						.param("nameEn", text.apply("nameEn")),
					"nameZh", "nameEn"),
			Row.accepted("groupEdit", "POST /groups/{code}",
					(seeded, text) -> post("/groups/" + GROUP).param("nameZh", text.apply("nameZh"))
						.param("nameEn", text.apply("nameEn"))
						.param("active", "true"),
					"nameZh", "nameEn"),
			Row.accepted("category", "POST /appeal-categories",
					(seeded, text) -> category(post("/appeal-categories").param("code", CATEGORY), text), "nameZh",
					"nameEn"),
			Row.accepted("categoryEdit", "POST /appeal-categories/{code}",
					(seeded, text) -> category(post("/appeal-categories/" + CATEGORY), text)
						.param("version", version(seeded, "/api/v1/appeal-categories/" + CATEGORY))
						.param("active", "true"),
					"nameZh", "nameEn"),
			Row.accepted("user", "POST /users/new",
					(seeded, text) -> post("/users/new").param("username", code("u").toLowerCase())
						.param("password", "First-Pass-1")
						.param("displayName", text.apply("displayName"))
						.param("role", "LEADER"),
					"displayName"),
			Row.accepted("userEdit", "POST /users/{id}/edit", (seeded, text) -> {
				long leader = seeded.id("/users/{id}/edit");
				return post("/users/" + leader + "/edit").param("version", version(seeded, "/api/v1/users/" + leader))
					.param("displayName", text.apply("displayName"))
					.param("role", "LEADER")
					.param("enabled", "true");
			}, "displayName"),
			Row.accepted("smsTemplate.preview", "POST /sms/templates/{code}/preview",
					(seeded, text) -> post("/sms/templates/APPEAL_RECEIVED/preview").param("bodyZh",
							text.apply("bodyZh")),
					"bodyZh"),
			Row.accepted("smsTemplate", "POST /sms/templates/{code}",
					(seeded, text) -> post("/sms/templates/APPEAL_RECEIVED").param("version", "0")
						.param("bodyZh", text.apply("bodyZh")),
					"bodyZh")
				// community 1's templates are what other tests send
				.as(SeededCommunity::elsewhere),
			Row.accepted("appealNote", "POST /appeals/{id}/act/{action}", (seeded, text) -> {
				long appeal = seeded.appeal;
				return post("/appeals/" + appeal + "/act/note")
					.param("version", version(seeded, "/api/v1/appeals/" + appeal))
					.param("text", text.apply("text"));
			}, "text"),
			Row.accepted("conflictMediation", "POST /conflicts/{id}/act/{action}",
					(seeded, text) -> conflict(seeded, "mediate").param("date", today().toString())
						.param("method", text.apply("method"))
						.param("participants", text.apply("participants"))
						.param("agreement", text.apply("agreement"))
						.param("outcome", text.apply("outcome")),
					"method", "participants", "agreement", "outcome"),
			Row.accepted("conflictStabilised", "POST /conflicts/{id}/act/{action}",
					(seeded, text) -> conflict(seeded, "stabilise").param("summary", text.apply("summary")), "summary"),
			Row.accepted("conflictHandedOver", "POST /conflicts/{id}/act/{action}",
					(seeded, text) -> conflict(seeded, "hand-over").param("body", text.apply("body"))
						.param("summary", "移交区信访局"),
					"body"),
			Row.accepted("conflictReopened", "POST /conflicts/{id}/act/{action}",
					(seeded, text) -> conflict(seeded, "reopen").param("reason", text.apply("reason")), "reason"),
			Row.accepted("incidentFinalReport", "POST /incidents/{id}/reports", (seeded, text) -> {
				long incident = seeded.id("/incidents/{id}");
				return post("/incidents/" + incident + "/reports")
					.param("version", version(seeded, "/api/v1/incidents/" + incident))
					.param("kind", "FINAL")
					.param("text", text.apply("text"));
			}, "text"), Row.accepted("incidentReview", "POST /incidents/{id}/close", (seeded, text) -> {
				long incident = seeded.id("/incidents/{id}");
				return post("/incidents/" + incident + "/close")
					.param("version", version(seeded, "/api/v1/incidents/" + incident))
					.param("review", text.apply("review"));
			}, "review"),
			Row.accepted("keyPersonOverride", "POST /key-persons/{id}/override",
					(seeded, text) -> keyPerson(seeded, "override").param("grade", "A")
						.param("reason", text.apply("*")),
					"*"),
			Row.accepted("keyPersonStop", "POST /key-persons/{id}/stop",
					(seeded, text) -> keyPerson(seeded, "stop").param("reason", text.apply("*")), "*"),
			// a tag is at most 20 characters, fewer than the attack's
			Row.refused("moodNote", "POST /mood-notes/new",
					(seeded, text) -> post("/mood-notes/new").param("subjectType", "PERSON")
						.param("personId", String.valueOf(seeded.resident.id()))
						.param("date", today().toString())
						.param("source", "VISIT")
						.param("mood", "CALM")
						.param("tags", text.apply("tags"))
						.param("summary", "情绪平稳"),
					"tags"),
			Row.accepted("person", "POST /people/new",
					(seeded, text) -> person(post("/people/new"), text)
						.param("idNumber", IdNumberFixtures.newIdNumber())
						.param("phone", RegistryFixtures.mobile())
						.param("roomId", String.valueOf(seeded.street.room().id())),
					"name", "formerUnit", "notes"),
			Row.accepted("personEdit", "POST /people/{id}/edit", (seeded, text) -> {
				Person neighbour = seeded.neighbour;
				return person(post("/people/" + neighbour.id() + "/edit"), text)
					.param("version", version(seeded, "/api/v1/residents/" + neighbour.id()))
					.param("idNumber", neighbour.idNumber())
					.param("phone", neighbour.phone())
					.param("roomId", String.valueOf(seeded.street.room().id()));
			}, "name", "formerUnit", "notes"),
			Row.accepted("unmasking", "POST /people/{id}/unmask",
					(seeded, text) -> post("/people/" + seeded.neighbour.id() + "/unmask").param("field", "idNumber")
						.param("reason", text.apply("reason")),
					"reason")
				.shownAt((seeded) -> "/audit?action=PERSON_UNMASKED&subjectId=" + seeded.neighbour.id()),
			Row.accepted("specialList", "POST /care/special-lists",
					(seeded, text) -> post("/care/special-lists")
						.param("personId", String.valueOf(seeded.neighbour.id()))
						.param("newFlag", "LIVING_ALONE")
						.param("since", today().toString())
						.param("source", text.apply("source"))
						.param("note", text.apply("note")),
					"source", "note"),
			Row.accepted("specialListEnd", "POST /care/special-lists/{id}/end", (seeded, text) -> {
				Number flag = JsonPath.read(
						seeded.read("/api/v1/special-lists?flag=LIVING_ALONE&personId=" + seeded.neighbour.id()),
						"$.items[0].id");
				return post("/care/special-lists/" + flag + "/end")
					.param("version", version(seeded, "/api/v1/special-lists/" + flag))
					.param("endedOn", today().toString())
					.param("reason", text.apply("reason"));
			}, "reason").shownAt((seeded) -> "/care/special-lists?ended=true&flag=LIVING_ALONE"),
			Row.accepted("qualification", "POST /care/qualification", (seeded, text) -> {
				List<Integer> years = JsonPath.read(seeded.read("/api/v1/qualification-checks"), "$..year");
				int free = 2100;
				while (years.contains(free)) {
					free--;
				}
				return post("/care/qualification").param("year", String.valueOf(free))
					.param("deadline", today().plusDays(20).toString())
					.param("title", text.apply("title"));
			}, "title"), Row.accepted("letterRevision", "POST /letters/{id}/targets", (seeded, text) -> {
				long letter = seeded.id("/letters/{id}");
				return post("/letters/" + letter + "/targets")
					.param("version", version(seeded, "/api/v1/letters/" + letter))
					.param("note", text.apply("note"))
					.param("targets[0].included", "true")
					.param("targets[0].metric", "COLLECTIVE_APPEALS")
					.param("targets[0].kind", "VETO")
					.param("targets[0].threshold", "0")
					.param("targets[0].points", "10")
					.param("targets[0].deduction", "0");
			}, "note"),
			Row.accepted("riskBacktest", "POST /risk-model/backtest",
					(seeded, text) -> post("/risk-model/backtest").param("from", today().minusDays(1).toString())
						.param("to", today().toString())
						.param("note", text.apply("*")),
					"*"),
			Row.refused(
					"riskModel", "POST /risk-model", (seeded,
							text) -> post("/risk-model").param("version", version(seeded, "/api/v1/risk-model"))
								.param("weight.NO_SUCH_SIGNAL", "1")
								.param("note", text.apply("*")),
					"*"),
			Row.refused("planActivation", "POST /plans/{id}/activate",
					(seeded, text) -> post("/plans/" + seeded.id("/plans/{id}") + "/activate").param("level", "II")
						.param("drill", "true")
						.param("holder.COMMANDER", text.apply("*")),
					"*"),
			Row.accepted("death", "POST /care/deaths",
					(seeded, text) -> post("/care/deaths").param("personId", String.valueOf(seeded.neighbour.id()))
						.param("diedOn", today().toString())
						.param("informant", text.apply("informant"))
						.param("informantRelation", "儿子")
						.param("note", text.apply("note")),
					"informant", "note"));

	private static final String CODE = "a code, a number, a date or a choice from a list, which the form checks";

	private static final String SECRET = "a secret, never shown";

	private static final String SEEDED = "the same field that SeededCommunity types through the API";

	/** Every other free-text field of a console form, with the reason it is no row. */
	static final Map<String, String> ACCOUNTED = new LinkedHashMap<>();

	static {
		because(SECRET, "POST /account/password currentPassword", "POST /account/password newPassword",
				"POST /account/password repeatPassword", "POST /account/two-factor/confirm code",
				"POST /account/two-factor/disable code", "POST /users/new password", "POST /users/{id}/edit password",
				"POST /users/{id}/password password");
		because(CODE, "POST /appeal-categories code", "POST /appeal-categories departmentCode",
				"POST /appeal-categories parentCode", "POST /appeal-categories/rules categoryCode",
				"POST /appeal-categories/rules departmentCode", "POST /appeal-categories/{code} departmentCode",
				"POST /appeal-categories/{code} parentCode", "POST /appeals/new categoryCode",
				"POST /appeals/{id}/act/{action} departmentCode", "POST /care/deaths informantRelation",
				"POST /care/special-lists subCode", "POST /conflicts/new level", "POST /conflicts/new partyPersonIds",
				"POST /conflicts/new responsibleUnitCode", "POST /conflicts/new source", "POST /conflicts/new type",
				"POST /conflicts/{id}/act/{action} date", "POST /duty/matrix level", "POST /duty/matrix subjectId",
				"POST /duty/matrix subjectType", "POST /groups code", "POST /households/{household}/members relation",
				"POST /incidents/{id}/reports kind", "POST /mood-notes/new date", "POST /mood-notes/new groupCode",
				"POST /mood-notes/new mood", "POST /mood-notes/new source", "POST /mood-notes/new subjectType",
				"POST /people/new householdRelation", "POST /people/new idNumber", "POST /people/new phone",
				"POST /people/{id}/edit householdRelation", "POST /people/{id}/edit idNumber",
				"POST /people/{id}/edit phone", "POST /people/{id}/unmask field", "POST /plans/{id}/activate level",
				"POST /portal/appeals categoryCode", "POST /reports from", "POST /reports to",
				"POST /surveys/campaigns groupCode", "POST /users/new departmentCode", "POST /users/new username",
				"POST /users/{id}/edit departmentCode", "POST /users/{id}/edit username", "POST /surveys step",
				"POST /warnings/{id}/close disposition");
		because("numbers of days, one per grade, which the form reads as numbers", "POST /key-persons/intervals *");
		because("the responsible account's number, which the form reads as one",
				"POST /key-persons/{id}/responsible *");
		because(SEEDED, "POST /appeals/new description", "POST /appeals/new title", "POST /conflicts/new description",
				"POST /conflicts/new title", "POST /duty/posts businessDuties", "POST /duty/posts name",
				"POST /duty/posts stabilityDuties", "POST /duty/posts/{id} businessDuties",
				"POST /duty/posts/{id} name", "POST /duty/posts/{id} stabilityDuties", "POST /duty/units nameEn",
				"POST /duty/units nameZh", "POST /key-persons/new *", "POST /key-persons/{id}/contacts *",
				"POST /letters title", "POST /letters/{id}/targets title", "POST /mood-notes/new summary",
				"POST /notices body", "POST /notices talkingPoints", "POST /notices title",
				"POST /portal/appeals description", "POST /portal/appeals title", "POST /sensitive-dates *",
				"POST /surveys description", "POST /surveys title", "POST /surveys/campaigns title",
				"POST /surveys/campaigns/{id}/respond *", "POST /portal/surveys/{id} *", "POST /care/visits *",
				"POST /warnings/{id}/close note", "POST /warnings/{id}/acknowledge note");
		because("the letter form's object carries the revision's note, which a new letter ignores: the note is "
				+ "attacked on POST /letters/{id}/targets", "POST /letters note");
		because("a resident rates only an appeal they filed on the portal, once staff resolved it, which the seeding's "
				+ "phoned-in appeal is not; the comment becomes the callback step's note, shown with every step's note "
				+ "on the appeal's page, which the appeal's note row shows escaped",
				"POST /portal/appeals/{id}/callback comment");
	}

	private ConsoleForms() {
	}

	/**
	 * Posts every row's form, with the CSRF token, as the administrator who made the
	 * seeded objects the rows act on (or the row's {@link Row#as}), and reads the page
	 * that shows the row's text.
	 * @param text the text of each field, by its name ({@link Row#names()})
	 * @return each row's pages by its name: the page it answered with, then the page it
	 * redirected to or {@link Row#shownAt}
	 * @throws IllegalStateException for a row that answered otherwise than it expects
	 */
	static Map<String, String> fill(MockMvc mvc, SeededCommunity seeded, Function<String, String> text) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (Row row : ROWS) {
			RequestPostProcessor staff = row.as().apply(seeded);
			try {
				MockHttpServletResponse answer = mvc
					.perform(row.post()
						.to(seeded, (parameter) -> text.apply(row.name() + "." + parameter))
						.with(staff)
						.with(csrf()))
					.andReturn()
					.getResponse();
				int status = answer.getStatus();
				if (row.refused() != (status >= 400 && status < 500) || status >= 500) {
					throw new IllegalStateException(row.form() + " " + (row.refused() ? "not refused" : "refused")
							+ " → " + status + " " + ApiCallers.content(answer));
				}
				String page = ApiCallers.content(answer);
				String next = (row.shownAt() != null) ? row.shownAt().apply(seeded) : answer.getRedirectedUrl();
				if (next != null) {
					MockHttpServletResponse shown = mvc.perform(get(next.replaceAll("#.*", "")).with(staff))
						.andReturn()
						.getResponse();
					if (shown.getStatus() != 200) {
						throw new IllegalStateException(next + " → " + shown.getStatus());
					}
					page += ApiCallers.content(shown);
				}
				answers.put(row.name(), page);
			}
			catch (Exception ex) {
				throw new IllegalStateException(row.name() + ": " + row.form(), ex);
			}
		}
		return answers;
	}

	/**
	 * @return every free-text field of every console form, as {@code POST pattern
	 * parameter} ({@code *} for a form read as a map of parameters)
	 */
	static TreeSet<String> freeText(List<Endpoint> endpoints) {
		TreeSet<String> found = new TreeSet<>();
		for (Endpoint endpoint : endpoints) {
			if (!endpoint.console() || !endpoint.changes()) {
				continue;
			}
			for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				Class<?> type = parameter.getParameterType();
				if (param != null) {
					String name = param.name().isEmpty() ? param.value() : param.name();
					name = name.isEmpty() ? String.valueOf(parameter.getParameterName()) : name;
					if (type == String.class) {
						found.add(endpoint + " " + name);
					}
					else if (Map.class.isAssignableFrom(type)) {
						found.add(endpoint + " *");
					}
				}
				else if (!parameter.hasParameterAnnotation(PathVariable.class) && type.getName().startsWith("org.anju")
						&& !type.isEnum() && !type.getSimpleName().equals("CurrentUser")) {
					strings(type).forEach((field) -> found.add(endpoint + " " + field));
				}
			}
		}
		return found;
	}

	private static List<String> strings(Class<?> form) {
		if (form.isRecord()) {
			return java.util.Arrays.stream(form.getRecordComponents())
				.filter((component) -> component.getType() == String.class)
				.map(RecordComponent::getName)
				.toList();
		}
		return java.util.Arrays.stream(form.getDeclaredFields())
			.filter((field) -> field.getType() == String.class && !Modifier.isStatic(field.getModifiers()))
			.map(Field::getName)
			.toList();
	}

	private static void because(String reason, String... fields) {
		for (String field : fields) {
			ACCOUNTED.put(field, reason);
		}
	}

	/** A code no one else uses, of capitals only. */
	private static String code(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36).toUpperCase().replaceAll("[0-9]", "X");
	}

	private static String version(SeededCommunity seeded, String path) {
		return String.valueOf(seeded.version(path));
	}

	private static LocalDate today() {
		return LocalDate.now(WorkingCalendar.ZONE);
	}

	private static MockHttpServletRequestBuilder category(MockHttpServletRequestBuilder post,
			Function<String, String> text) {
		return post.param("nameZh", text.apply("nameZh"))
			.param("nameEn", text.apply("nameEn"))
			.param("departmentCode", "GENERAL_OFFICE")
			.param("limitDays", "5")
			.param("warningPercent", "80")
			.param("callbackRequired", "false");
	}

	private static MockHttpServletRequestBuilder conflict(SeededCommunity seeded, String action) {
		long conflict = seeded.id("/conflicts/{id}");
		return post("/conflicts/" + conflict + "/act/" + action).param("version",
				version(seeded, "/api/v1/conflicts/" + conflict));
	}

	private static MockHttpServletRequestBuilder keyPerson(SeededCommunity seeded, String action) {
		long keyPerson = seeded.id("/key-persons/{id}");
		return post("/key-persons/" + keyPerson + "/" + action).param("version",
				version(seeded, "/api/v1/key-persons/" + keyPerson));
	}

	private static MockHttpServletRequestBuilder person(MockHttpServletRequestBuilder post,
			Function<String, String> text) {
		return post.param("name", text.apply("name"))
			.param("formerUnit", text.apply("formerUnit"))
			.param("notes", text.apply("notes"));
	}

	/**
	 * The post of a row's form.
	 */
	@FunctionalInterface
	interface Post {

		/**
		 * @param text the text of each of the row's parameters, by the parameter's name
		 */
		MockHttpServletRequestBuilder to(SeededCommunity seeded, Function<String, String> text);

	}

	/**
	 * One console form whose free-text fields are attacked: its name in the attack's
	 * table, the form ({@code POST pattern}), the parameters it types the text into
	 * ({@code *} for a form read as a map of parameters, which types it into one of
	 * them), whether the form takes the text (a page shows it: the one it answers with,
	 * the one it redirects to, or {@code shownAt}) or refuses it with a 4xx and shows it
	 * again as typed, and the post.
	 */
	record Row(String name, String form, List<String> parameters, boolean refused,
			@Nullable Function<SeededCommunity, String> shownAt, Function<SeededCommunity, RequestPostProcessor> as,
			Post post) {

		static Row accepted(String name, String form, Post post, String... parameters) {
			return new Row(name, form, List.of(parameters), false, null, SeededCommunity::console, post);
		}

		static Row refused(String name, String form, Post post, String... parameters) {
			return new Row(name, form, List.of(parameters), true, null, SeededCommunity::console, post);
		}

		/**
		 * @return the row, its text looked for on the page at the address as well
		 */
		Row shownAt(Function<SeededCommunity, String> page) {
			return new Row(this.name, this.form, this.parameters, this.refused, page, this.as, this.post);
		}

		/**
		 * @return the row, posted by someone else than the seeded community's
		 * administrator
		 */
		Row as(Function<SeededCommunity, RequestPostProcessor> who) {
			return new Row(this.name, this.form, this.parameters, this.refused, this.shownAt, who, this.post);
		}

		/**
		 * @return the attack's name of each text it types
		 */
		List<String> names() {
			return this.parameters.stream().map((parameter) -> this.name + "." + parameter).toList();
		}

		/**
		 * @return each form field it types into, as {@link ConsoleForms#freeText} names
		 * it
		 */
		List<String> fields() {
			return this.parameters.stream().map((parameter) -> this.form + " " + parameter).toList();
		}

	}

}
