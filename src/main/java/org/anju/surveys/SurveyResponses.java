package org.anju.surveys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.surveys.SurveyCampaigns.Sampled;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.surveys.Surveys.require;

/**
 * Answers to a campaign: taken by staff (phone or visit) for a sampled person of their
 * grids, or filled in by the sampled resident on the portal, once per person and
 * campaign, while the campaign is open. A low rating or a free-text remark can be turned
 * into an appeal of the line's category, linked to the answers. Every change is audited
 * in its transaction; the audit row never copies the free text.
 */
@Service
@Transactional
public class SurveyResponses {

	/** The most characters a text answer holds. */
	public static final int MAX_TEXT = 1000;

	/** A rating at or below this is a low score that deserves a follow-up. */
	public static final int LOW_RATING = 2;

	private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			id, campaign_id, person_id, service_line, channel, answers, score, low_score, has_text, appeal_id, taken_by,
			answered_at, version""";

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final SurveyCampaigns campaigns;

	private final AppealManagement appeals;

	private final AuditTrail audit;

	private final OutOfReach reach;

	private final ObjectMapper json;

	private final MessageSource messages;

	SurveyResponses(JdbcClient jdbc, Surveys surveys, SurveyCampaigns campaigns, AppealManagement appeals,
			AuditTrail audit, OutOfReach reach, ObjectMapper json, MessageSource messages) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.campaigns = campaigns;
		this.appeals = appeals;
		this.audit = audit;
		this.reach = reach;
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Records the answers that staff took on the phone or on a visit.
	 * @throws InvalidInput listing every field that breaks a rule, an answer that does
	 * not fit its question included
	 * @throws NotFound when the campaign does not exist or the person lies outside the
	 * caller's grids
	 * @throws Refused when the campaign is not open or the person has already answered
	 */
	public SurveyResponse record(CurrentUser user, NewResponse form) {
		require(user, Permission.APPEALS_INTAKE);
		List<Violation> errors = new ArrayList<>();
		if (form.campaignId() == null) {
			errors.add(new Violation("campaignId", "field.required"));
		}
		if (form.personId() == null) {
			errors.add(new Violation("personId", "field.required"));
		}
		if (form.channel() == null) {
			errors.add(new Violation("channel", "field.required"));
		}
		else if (form.channel() == ResponseChannel.PORTAL) {
			errors.add(new Violation("channel", "surveys.response.staffChannel"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		Sampled sampled = this.campaigns.sampled(user, form.campaignId(), form.personId());
		return save(user, sampled, form.channel(), form.answers());
	}

	/**
	 * Records the answers a sampled resident gives on the portal.
	 * @throws NotFound unless the resident was drawn for the campaign
	 */
	public SurveyResponse recordAsResident(CurrentUser resident, long campaignId,
			@Nullable Map<String, Object> answers) {
		if (resident.role() != Role.RESIDENT || resident.personId() == null) {
			throw new AccessDeniedException("only a resident answers on the portal");
		}
		Sampled sampled = this.campaigns.sampled(resident, campaignId, resident.personId());
		return save(resident, sampled, ResponseChannel.PORTAL, answers);
	}

	/**
	 * @throws NotFound when there is no such response, or it lies outside the caller's
	 * grids
	 */
	@Transactional(readOnly = true)
	public SurveyResponse get(CurrentUser user, long id) {
		require(user, Permission.APPEALS_READ);
		Located found = this.jdbc
			.sql("select " + COLUMNS + ", grid_id from survey_response where community_id = :c and id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> new Located(read(rs), rs.getObject("grid_id", Long.class)))
			.optional()
			.orElseThrow(() -> new NotFound("surveyResponse", id));
		this.reach.require(user, user.scope().covers(found.gridId()), "SURVEY_RESPONSE", "surveyResponse", id);
		return found.response();
	}

	/**
	 * @param flagged only the responses with a low score or free text, the ones to follow
	 * up
	 * @return a campaign's responses within the caller's grids, newest first
	 */
	@Transactional(readOnly = true)
	public List<SurveyResponse> list(CurrentUser user, long campaignId, boolean flagged) {
		this.campaigns.get(user, campaignId);
		return this.jdbc.sql("select " + COLUMNS + """
				 from survey_response
				where community_id = :c and campaign_id = :campaign
				  and (cast(:grids as bigint[]) is null or grid_id = any(:grids))
				  and (not :flagged or low_score or has_text)
				order by id desc
				""")
			.param("c", user.communityId())
			.param("campaign", campaignId)
			.param("grids", user.scope().gridFilter())
			.param("flagged", flagged)
			.query((rs, row) -> read(rs))
			.list();
	}

	/**
	 * Turns a low score or a free-text remark into an appeal of the line's category (or
	 * the one given), brought by the person who answered, and links it to the response.
	 * @throws Refused when the response has neither a low score nor text, or is already
	 * an appeal
	 * @throws InvalidInput when the appeal breaks an intake rule, such as an unknown
	 * category
	 */
	public SurveyResponse raiseAppeal(CurrentUser user, long id, @Nullable String categoryCode) {
		require(user, Permission.APPEALS_INTAKE);
		SurveyResponse response = get(user, id);
		if (response.appealId() != null) {
			throw new Refused("surveys.response.alreadyAppealed");
		}
		if (!response.lowScore() && !response.hasText()) {
			throw new Refused("surveys.response.nothingToRaise");
		}
		SurveyCampaign campaign = this.campaigns.get(user, response.campaignId());
		SurveyVersion version = this.surveys.asked(user.communityId(), campaign.surveyId(), campaign.surveyVersion());
		String lineName = this.surveys.lineName(response.serviceLine());
		Channel channel = switch (response.channel()) {
			case PHONE -> Channel.PHONE;
			case VISIT -> Channel.VISIT;
			case PORTAL -> Channel.WEB;
		};
		String category = (categoryCode != null && !categoryCode.isBlank()) ? categoryCode.strip()
				: response.serviceLine().appealCategory();
		AppealView appeal = this.appeals.submit(user,
				new NewAppeal(response.personId(), null, null, List.of(), category, channel,
						clip(text("surveys.appeal.title", lineName, campaign.title()), 100),
						description(version, response, campaign), null, null, false, false, null));
		int updated = this.jdbc.sql("""
				update survey_response set appeal_id = :appeal, version = version + 1
				where community_id = :c and id = :id and appeal_id is null
				""").param("appeal", appeal.id()).param("c", user.communityId()).param("id", id).update();
		if (updated == 0) {
			throw new Refused("surveys.response.alreadyAppealed");
		}
		this.audit.record(user.community(), "SURVEY_RESPONSE_APPEALED", "SURVEY_RESPONSE", id,
				Map.of("appealId", appeal.id(), "campaignId", response.campaignId()));
		return get(user, id);
	}

	private SurveyResponse save(CurrentUser user, Sampled sampled, ResponseChannel channel,
			@Nullable Map<String, Object> given) {
		SurveyCampaign campaign = sampled.campaign();
		SurveyVersion version = this.surveys.asked(user.communityId(), campaign.surveyId(), campaign.surveyVersion());
		Map<String, Object> answers = check(version.questions(), (given != null) ? given : Map.of());
		if (!campaign.open()) {
			throw new Refused("surveys.campaign.notOpen");
		}
		List<Integer> ratings = new ArrayList<>();
		boolean hasText = false;
		for (Question question : version.questions()) {
			Object answer = answers.get(question.key());
			if (answer instanceof Integer rating) {
				ratings.add(rating);
			}
			else if (question.type() == QuestionType.TEXT && answer != null) {
				hasText = true;
			}
		}
		Double score = ratings.isEmpty() ? null
				: ratings.stream().mapToDouble(SurveyResponses::points).average().orElseThrow();
		boolean low = ratings.stream().anyMatch((r) -> r <= LOW_RATING);
		long id;
		try {
			id = this.jdbc.sql("""
					insert into survey_response (community_id, campaign_id, person_id, service_line, channel, answers,
					                             score, low_score, has_text, area_id, grid_id, groups, taken_by)
					values (:c, :campaign, :person, :line, :channel, cast(:answers as jsonb), :score, :low, :text,
					        :area, :grid, :groups, :by)
					returning id
					""")
				.param("c", user.communityId())
				.param("campaign", campaign.id())
				.param("person", sampled.personId())
				.param("line", campaign.serviceLine().name())
				.param("channel", channel.name())
				.param("answers", this.json.writeValueAsString(answers))
				.param("score", score)
				.param("low", low)
				.param("text", hasText)
				.param("area", sampled.areaId())
				.param("grid", sampled.gridId())
				.param("groups", sampled.groups())
				.param("by", user.actor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new Refused("surveys.response.duplicate");
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("campaignId", campaign.id());
		detail.put("personId", sampled.personId());
		detail.put("channel", channel.name());
		detail.put("lowScore", low);
		this.audit.record(user.community(), "SURVEY_RESPONSE_RECORDED", "SURVEY_RESPONSE", id, detail);
		return find(user.communityId(), id);
	}

	/**
	 * @return the answers as stored: a rating as an integer, an option as text, options
	 * as a list in the question's order, text stripped; unanswered questions left out
	 * @throws InvalidInput naming each answer that does not fit its question as
	 * {@code answers.q1}
	 */
	static Map<String, Object> check(List<Question> questions, Map<String, Object> given) {
		List<Violation> errors = new ArrayList<>();
		Map<String, Object> answers = new LinkedHashMap<>();
		Set<String> keys = new LinkedHashSet<>();
		for (Question question : questions) {
			keys.add(question.key());
			String field = "answers." + question.key();
			Object value = blankless(given.get(question.key()));
			if (value == null) {
				if (question.required()) {
					errors.add(new Violation(field, "surveys.answer.required", question.text()));
				}
				continue;
			}
			switch (question.type()) {
				case RATING -> {
					Integer rating = rating(value);
					if (rating == null) {
						errors.add(new Violation(field, "surveys.answer.rating", question.text()));
					}
					else {
						answers.put(question.key(), rating);
					}
				}
				case SINGLE -> {
					if (value instanceof String option && question.options().contains(option.strip())) {
						answers.put(question.key(), option.strip());
					}
					else {
						errors.add(new Violation(field, "surveys.answer.option", question.text()));
					}
				}
				case MULTIPLE -> {
					Collection<?> picked = (value instanceof Collection<?> many) ? many : List.of(value);
					List<String> chosen = new ArrayList<>();
					boolean fits = true;
					for (Object one : picked) {
						fits &= one instanceof String option && question.options().contains(option.strip());
					}
					if (fits) {
						for (String option : question.options()) {
							if (picked.stream().anyMatch((one) -> option.equals(((String) one).strip()))) {
								chosen.add(option);
							}
						}
						answers.put(question.key(), chosen);
					}
					else {
						errors.add(new Violation(field, "surveys.answer.option", question.text()));
					}
				}
				case TEXT -> {
					if (!(value instanceof String text)) {
						errors.add(new Violation(field, "surveys.answer.text", question.text()));
					}
					else if (text.strip().length() > MAX_TEXT) {
						errors.add(new Violation(field, "surveys.text.long", MAX_TEXT));
					}
					else {
						answers.put(question.key(), text.strip());
					}
				}
			}
		}
		for (String key : given.keySet()) {
			if (!keys.contains(key)) {
				errors.add(new Violation("answers." + key, "surveys.answer.unknown", key));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		return answers;
	}

	/**
	 * @return a rating on the index's scale: 1 is 0, 5 is 100
	 */
	static double points(int rating) {
		return (rating - 1) * 25.0;
	}

	private static @Nullable Object blankless(@Nullable Object value) {
		if (value instanceof String text && text.isBlank()) {
			return null;
		}
		if (value instanceof Collection<?> many && many.isEmpty()) {
			return null;
		}
		return value;
	}

	private static @Nullable Integer rating(Object value) {
		Integer rating = null;
		if (value instanceof Integer whole) {
			rating = whole;
		}
		else if (value instanceof String text && text.strip().matches("[1-5]")) {
			rating = Integer.valueOf(text.strip());
		}
		return (rating != null && rating >= 1 && rating <= 5) ? rating : null;
	}

	private String description(SurveyVersion version, SurveyResponse response, SurveyCampaign campaign) {
		StringBuilder text = new StringBuilder(text("surveys.appeal.intro", campaign.title()));
		for (Question question : version.questions()) {
			Object answer = response.answers().get(question.key());
			if (answer instanceof Integer rating && rating <= LOW_RATING) {
				text.append('\n').append(text("surveys.appeal.rating", question.text(), rating));
			}
			else if (question.type() == QuestionType.TEXT && answer instanceof String remark) {
				text.append('\n').append(text("surveys.appeal.remark", question.text(), remark));
			}
		}
		return clip(text.toString(), 5000);
	}

	private static String clip(String text, int length) {
		return (text.length() > length) ? text.substring(0, length) : text;
	}

	private String text(String code, Object... args) {
		return this.messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	private SurveyResponse find(long community, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from survey_response where community_id = :c and id = :id")
			.param("c", community)
			.param("id", id)
			.query((rs, row) -> read(rs))
			.single();
	}

	private SurveyResponse read(ResultSet rs) throws SQLException {
		java.math.BigDecimal score = rs.getBigDecimal("score");
		return new SurveyResponse(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("person_id"),
				ServiceLine.valueOf(rs.getString("service_line")), ResponseChannel.valueOf(rs.getString("channel")),
				this.json.readValue(rs.getString("answers"), ANSWERS), (score != null) ? score.doubleValue() : null,
				rs.getBoolean("low_score"), rs.getBoolean("has_text"), rs.getObject("appeal_id", Long.class),
				rs.getString("taken_by"), rs.getTimestamp("answered_at").toInstant(), rs.getLong("version"));
	}

	private record Located(SurveyResponse response, @Nullable Long gridId) {
	}

}
