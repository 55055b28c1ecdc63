package org.anju.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The questionnaires. A questionnaire is created as draft version 1; editing a draft
 * changes it in place, editing after publication starts the next draft, and publishing
 * freezes the draft. Campaigns always ask a published version, so the answers of a
 * campaign always mean the questions as they were asked. Every change is audited in its
 * transaction.
 */
@Service
@Transactional
public class Surveys {

	/** The most questions a questionnaire holds. */
	public static final int MAX_QUESTIONS = 50;

	/** The most options a choice question offers. */
	public static final int MAX_OPTIONS = 20;

	private static final TypeReference<List<Question>> QUESTIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ObjectMapper json;

	private final MessageSource messages;

	Surveys(JdbcClient jdbc, AuditTrail audit, ObjectMapper json, MessageSource messages) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Creates a questionnaire as draft version 1.
	 * @throws InvalidInput listing every field that breaks a rule
	 */
	public Survey create(CurrentUser user, SurveyForm form) {
		require(user, Permission.SURVEYS_MANAGE);
		List<Violation> errors = new ArrayList<>();
		if (form.serviceLine() == null) {
			errors.add(new Violation("serviceLine", "field.required"));
		}
		Draft draft = validate(form, errors);
		long id = this.jdbc.sql("""
				insert into survey (community_id, service_line, created_by) values (:c, :line, :by) returning id
				""")
			.param("c", user.communityId())
			.param("line", form.serviceLine().name())
			.param("by", user.actor())
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into survey_version (community_id, survey_id, number, title, description, questions)
				values (:c, :id, 1, :title, :description, cast(:questions as jsonb))
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("title", draft.title())
			.param("description", draft.description())
			.param("questions", this.json.writeValueAsString(draft.questions()))
			.update();
		this.audit.record(user.community(), "SURVEY_CREATED", "SURVEY", id,
				Map.of("serviceLine", form.serviceLine().name(), "questions", draft.questions().size()));
		return get(user, id);
	}

	/**
	 * Changes the draft, or starts the next draft when the newest version is published.
	 * @throws InvalidInput listing every field that breaks a rule; the service line
	 * cannot change
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public Survey edit(CurrentUser user, long id, long expectedVersion, SurveyForm form) {
		require(user, Permission.SURVEYS_MANAGE);
		Survey survey = get(user, id);
		List<Violation> errors = new ArrayList<>();
		if (form.serviceLine() != null && form.serviceLine() != survey.serviceLine()) {
			errors.add(new Violation("serviceLine", "surveys.survey.lineFixed"));
		}
		Draft draft = validate(form, errors);
		bump(user, survey, expectedVersion);
		int number;
		if (survey.latest().published()) {
			number = survey.latestVersion() + 1;
			this.jdbc.sql("""
					insert into survey_version (community_id, survey_id, number, title, description, questions)
					values (:c, :id, :number, :title, :description, cast(:questions as jsonb))
					""")
				.param("c", user.communityId())
				.param("id", id)
				.param("number", number)
				.param("title", draft.title())
				.param("description", draft.description())
				.param("questions", this.json.writeValueAsString(draft.questions()))
				.update();
			this.jdbc.sql("update survey set latest_version = :number where community_id = :c and id = :id")
				.param("number", number)
				.param("c", user.communityId())
				.param("id", id)
				.update();
		}
		else {
			number = survey.latestVersion();
			this.jdbc.sql("""
					update survey_version set title = :title, description = :description,
					       questions = cast(:questions as jsonb), updated_at = now()
					where community_id = :c and survey_id = :id and number = :number and published_at is null
					""")
				.param("title", draft.title())
				.param("description", draft.description())
				.param("questions", this.json.writeValueAsString(draft.questions()))
				.param("c", user.communityId())
				.param("id", id)
				.param("number", number)
				.update();
		}
		this.audit.record(user.community(), "SURVEY_EDITED", "SURVEY", id,
				Map.of("draft", number, "questions", draft.questions().size()));
		return get(user, id);
	}

	/**
	 * Freezes the draft: from now on campaigns can ask it and nobody can change it.
	 * @throws Refused when there is no draft to publish
	 * @throws StaleVersion when someone changed it since {@code expectedVersion}
	 */
	public Survey publish(CurrentUser user, long id, long expectedVersion) {
		require(user, Permission.SURVEYS_MANAGE);
		Survey survey = get(user, id);
		if (survey.latest().published()) {
			throw new Refused("surveys.survey.nothingToPublish");
		}
		bump(user, survey, expectedVersion);
		this.jdbc.sql("""
				update survey_version set published_at = now(), published_by = :by
				where community_id = :c and survey_id = :id and number = :number
				""")
			.param("by", user.actor())
			.param("c", user.communityId())
			.param("id", id)
			.param("number", survey.latestVersion())
			.update();
		this.jdbc.sql("update survey set published_version = latest_version where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "SURVEY_PUBLISHED", "SURVEY", id,
				Map.of("published", survey.latestVersion()));
		return get(user, id);
	}

	/**
	 * @throws NotFound when there is no such questionnaire
	 */
	@Transactional(readOnly = true)
	public Survey get(CurrentUser user, long id) {
		require(user, Permission.APPEALS_READ);
		return this.jdbc.sql("""
				select id, service_line, latest_version, published_version, version from survey
				where community_id = :c and id = :id
				""")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> survey(rs, versions(user.communityId(), id)))
			.optional()
			.orElseThrow(() -> new NotFound("survey", id));
	}

	/**
	 * @param line one service line's, or {@code null} for all
	 * @return the questionnaires, newest first; never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<Survey> list(CurrentUser user, @Nullable ServiceLine line) {
		require(user, Permission.APPEALS_READ);
		return this.jdbc.sql("""
				select id, service_line, latest_version, published_version, version from survey
				where community_id = :c and (cast(:line as text) is null or service_line = :line)
				order by id desc
				""")
			.param("c", user.communityId())
			.param("line", (line != null) ? line.name() : null)
			.query((rs, row) -> survey(rs, versions(user.communityId(), rs.getLong("id"))))
			.list();
	}

	/**
	 * @throws NotFound when there is no such questionnaire or version
	 */
	@Transactional(readOnly = true)
	public SurveyVersion version(CurrentUser user, long id, int number) {
		return get(user, id).versions()
			.stream()
			.filter((v) -> v.number() == number)
			.findFirst()
			.orElseThrow(() -> new NotFound("surveyVersion", number));
	}

	/**
	 * @return the questions of a version, for answers to be checked against; a resident
	 * answering on the portal reads them without the staff permission
	 */
	@Transactional(readOnly = true)
	SurveyVersion asked(long community, long id, int number) {
		return versions(community, id).stream()
			.filter((v) -> v.number() == number)
			.findFirst()
			.orElseThrow(() -> new NotFound("surveyVersion", number));
	}

	String lineName(ServiceLine line) {
		return this.messages.getMessage("surveys.line." + line.name(), null, line.name(),
				LocaleContextHolder.getLocale());
	}

	private void bump(CurrentUser user, Survey survey, long expectedVersion) {
		int updated = this.jdbc.sql("""
				update survey set version = version + 1 where community_id = :c and id = :id and version = :version
				""").param("c", user.communityId()).param("id", survey.id()).param("version", expectedVersion).update();
		if (updated == 0) {
			throw new StaleVersion(survey.version());
		}
	}

	private Survey survey(ResultSet rs, List<SurveyVersion> versions) throws SQLException {
		ServiceLine line = ServiceLine.valueOf(rs.getString("service_line"));
		return new Survey(rs.getLong("id"), line, lineName(line), rs.getInt("latest_version"),
				rs.getObject("published_version", Integer.class), rs.getLong("version"), versions);
	}

	private List<SurveyVersion> versions(long community, long id) {
		return this.jdbc.sql("""
				select number, title, description, questions, published_at, published_by from survey_version
				where community_id = :c and survey_id = :id order by number desc
				""").param("c", community).param("id", id).query((rs, row) -> {
			java.sql.Timestamp published = rs.getTimestamp("published_at");
			return new SurveyVersion(rs.getInt("number"), rs.getString("title"), rs.getString("description"),
					this.json.readValue(rs.getString("questions"), QUESTIONS),
					(published != null) ? published.toInstant() : null, rs.getString("published_by"));
		}).list();
	}

	private static Draft validate(SurveyForm form, List<Violation> errors) {
		String title = trimmed(form.title());
		if (title == null) {
			errors.add(new Violation("title", "field.required"));
		}
		else if (title.length() > 100) {
			errors.add(new Violation("title", "surveys.text.long", 100));
		}
		String description = trimmed(form.description());
		if (description != null && description.length() > 1000) {
			errors.add(new Violation("description", "surveys.text.long", 1000));
		}
		List<SurveyForm.QuestionForm> asked = (form.questions() != null) ? form.questions() : List.of();
		if (asked.isEmpty()) {
			errors.add(new Violation("questions", "surveys.questions.none"));
		}
		else if (asked.size() > MAX_QUESTIONS) {
			errors.add(new Violation("questions", "surveys.questions.tooMany", MAX_QUESTIONS));
		}
		List<Question> questions = new ArrayList<>();
		for (int i = 0; i < asked.size(); i++) {
			SurveyForm.QuestionForm q = asked.get(i);
			String field = "questions[" + i + "]";
			if (q == null) {
				errors.add(new Violation(field, "field.required"));
				continue;
			}
			if (q.type() == null) {
				errors.add(new Violation(field + ".type", "field.required"));
			}
			String text = trimmed(q.text());
			if (text == null) {
				errors.add(new Violation(field + ".text", "field.required"));
			}
			else if (text.length() > 200) {
				errors.add(new Violation(field + ".text", "surveys.text.long", 200));
			}
			List<String> options = new ArrayList<>();
			for (String option : (q.options() != null) ? q.options() : List.<String>of()) {
				String o = trimmed(option);
				if (o != null) {
					options.add(o);
				}
			}
			if (q.type() != null && q.type().hasOptions()) {
				Set<String> distinct = new HashSet<>(options);
				if (options.size() < 2 || options.size() > MAX_OPTIONS) {
					errors.add(new Violation(field + ".options", "surveys.options.count", 2, MAX_OPTIONS));
				}
				else if (distinct.size() != options.size()) {
					errors.add(new Violation(field + ".options", "surveys.options.duplicate"));
				}
				else if (options.stream().anyMatch((o) -> o.length() > 50)) {
					errors.add(new Violation(field + ".options", "surveys.text.long", 50));
				}
			}
			else if (q.type() != null && !options.isEmpty()) {
				errors.add(new Violation(field + ".options", "surveys.options.none"));
			}
			if (q.type() != null && text != null) {
				questions.add(new Question("q" + (i + 1), q.type(), text, options,
						(q.required() != null) ? q.required() : true));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return new Draft(title, description, questions);
	}

	static @Nullable String trimmed(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	static void require(CurrentUser user, Permission permission) {
		if (!user.may(permission)) {
			throw new AccessDeniedException(permission.name());
		}
	}

	private record Draft(String title, @Nullable String description, List<Question> questions) {
	}

}
