package org.anju;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.anju.Endpoints.Endpoint;
import org.anju.identity.ApiCallers;

import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The free-text fields of the console's forms, read from the mappings (a String request
 * parameter, a map of them, or a String field of a form object), each either a
 * {@link #ROWS row} that a test fills by posting the form as staff, or {@link #ACCOUNTED
 * accounted for} with the reason it is not: so that a form field added tomorrow is named
 * by the test until someone decides which it is.
 */
final class ConsoleForms {

	/**
	 * The fields that only a console form types into this data set, each a row: its name,
	 * the form's field ({@code POST pattern parameter}) and the post that fills it with
	 * the given text.
	 */
	static final List<Row> ROWS = List.of(
			new Row("place.name", "POST /places name",
					(text) -> post("/places").param("kind", "AREA").param("name", text)),
			new Row("group.nameZh", "POST /groups nameZh",
					(text) -> post("/groups").param("code", code("G")).param("nameZh", text).param("nameEn", "group")),
			new Row("category.nameZh", "POST /appeal-categories nameZh",
					(text) -> post("/appeal-categories").param("code", code("C"))
						.param("nameZh", text)
						.param("nameEn", "category")
						.param("departmentCode", "GENERAL_OFFICE")
						.param("limitDays", "5")
						.param("warningPercent", "80")
						.param("callbackRequired", "false")),
			new Row("user.displayName", "POST /users/new displayName",
					(text) -> post("/users/new").param("username", code("u").toLowerCase())
						.param("password", "First-Pass-1")
						.param("displayName", text)
						.param("role", "LEADER")),
			new Row("smsTemplate.preview", "POST /sms/templates/{code}/preview bodyZh",
					(text) -> post("/sms/templates/APPEAL_RECEIVED/preview").param("bodyZh", text)));

	private static final String CODE = "a code, a number, a date or a choice from a list, which the form checks";

	private static final String SECRET = "a secret, never shown";

	private static final String SEEDED = "the same field that SeededCommunity types through the API";

	private static final String LEFT = "not attacked yet: the form needs an object the seeding does not make, or changes data other tests read (docs/SECURITY.md V5)";

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
				"POST /care/special-lists source", "POST /care/special-lists subCode", "POST /conflicts/new level",
				"POST /conflicts/new partyPersonIds", "POST /conflicts/new responsibleUnitCode",
				"POST /conflicts/new source", "POST /conflicts/new type", "POST /conflicts/{id}/act/{action} date",
				"POST /conflicts/{id}/act/{action} method", "POST /duty/matrix level", "POST /duty/matrix subjectId",
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
		because(SEEDED, "POST /appeals/new description", "POST /appeals/new title", "POST /conflicts/new description",
				"POST /conflicts/new title", "POST /duty/posts businessDuties", "POST /duty/posts name",
				"POST /duty/posts stabilityDuties", "POST /duty/posts/{id} businessDuties",
				"POST /duty/posts/{id} name", "POST /duty/posts/{id} stabilityDuties", "POST /duty/units nameEn",
				"POST /duty/units nameZh", "POST /incidents/{id}/reports text", "POST /key-persons/new *",
				"POST /key-persons/{id}/contacts *", "POST /letters title", "POST /letters/{id}/targets title",
				"POST /mood-notes/new summary", "POST /notices body", "POST /notices talkingPoints",
				"POST /notices title", "POST /portal/appeals description", "POST /portal/appeals title",
				"POST /sensitive-dates *", "POST /surveys description", "POST /surveys title",
				"POST /surveys/campaigns title", "POST /surveys/campaigns/{id}/respond *",
				"POST /portal/surveys/{id} *", "POST /care/visits *", "POST /warnings/{id}/close note");
		because(LEFT, "POST /appeal-categories nameEn", "POST /appeal-categories/{code} nameEn",
				"POST /appeal-categories/{code} nameZh", "POST /appeals/{id}/act/{action} text",
				"POST /care/deaths informant", "POST /care/deaths note", "POST /care/qualification title",
				"POST /care/special-lists note", "POST /care/special-lists/{id}/end reason",
				"POST /conflicts/{id}/act/{action} agreement", "POST /conflicts/{id}/act/{action} body",
				"POST /conflicts/{id}/act/{action} outcome", "POST /conflicts/{id}/act/{action} participants",
				"POST /conflicts/{id}/act/{action} reason", "POST /conflicts/{id}/act/{action} summary",
				"POST /groups nameEn", "POST /groups/{code} nameEn", "POST /groups/{code} nameZh",
				"POST /incidents/{id}/close review", "POST /key-persons/intervals *",
				"POST /key-persons/{id}/override *", "POST /key-persons/{id}/responsible *",
				"POST /key-persons/{id}/stop *", "POST /letters note", "POST /letters/{id}/targets note",
				"POST /mood-notes/new tags", "POST /people/new formerUnit", "POST /people/new name",
				"POST /people/new notes", "POST /people/{id}/edit formerUnit", "POST /people/{id}/edit name",
				"POST /people/{id}/edit notes", "POST /people/{id}/unmask reason", "POST /places/{id}/rename name",
				"POST /plans/{id}/activate *", "POST /portal/appeals/{id}/callback comment", "POST /risk-model *",
				"POST /risk-model/backtest *", "POST /sms/templates/{code} bodyZh", "POST /users/{id}/edit displayName",
				"POST /warnings/{id}/acknowledge note");
	}

	private ConsoleForms() {
	}

	/**
	 * Posts every row's form as the staff member, with the CSRF token.
	 * @param text the text of each field, by the row's name
	 * @return each row's answer by its name: a page when the form answers with one (a
	 * preview), else the redirect's empty body
	 */
	static Map<String, String> fill(MockMvc mvc, RequestPostProcessor staff, Function<String, String> text) {
		Map<String, String> answers = new LinkedHashMap<>();
		for (Row row : ROWS) {
			try {
				MockHttpServletResponse answer = mvc
					.perform(row.post().apply(text.apply(row.name())).with(staff).with(csrf()))
					.andReturn()
					.getResponse();
				if (answer.getStatus() >= 400) {
					throw new IllegalStateException(
							row + " → " + answer.getStatus() + " " + answer.getContentAsString());
				}
				answers.put(row.name(), ApiCallers.content(answer));
			}
			catch (Exception ex) {
				throw new IllegalStateException(row.field(), ex);
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

	/**
	 * One console-only field: its name in the attack's table, the form's field and the
	 * post that fills it (a form that refused the text shows it on no page, which the
	 * attack names).
	 */
	record Row(String name, String field, Function<String, MockHttpServletRequestBuilder> post) {

	}

}
