package org.anju.surveys;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.people.InterestGroups;
import org.anju.people.PeopleQuery;
import org.anju.people.PeopleSearch;
import org.anju.people.Person;
import org.anju.people.PersonStatus;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.surveys.StratifiedDraw.Candidate;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.anju.surveys.Surveys.require;
import static org.anju.surveys.Surveys.trimmed;

/**
 * Survey campaigns: opening one draws its sample at once from the registered people
 * (within an area and an interest group if given) and keeps the seed, so that the draw
 * can be made again and checked. The response rate and the people still to follow up are
 * counted within the caller's grids.
 */
@Service
@Transactional
public class SurveyCampaigns {

	/** The largest sample a campaign draws. */
	public static final int MAX_SAMPLE = 10_000;

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private static final SecureRandom SEEDS = new SecureRandom();

	private static final String COLUMNS = """
			c.id, c.survey_id, c.survey_version, c.service_line, c.title, c.seed, c.sample_size, c.area_id,
			c.group_code, c.opens_on, c.closes_on, c.version""";

	private final JdbcClient jdbc;

	private final Surveys surveys;

	private final PeopleSearch people;

	private final InterestGroups groups;

	private final PlaceManagement places;

	private final AuditTrail audit;

	private final OutOfReach reach;

	private final Clock clock;

	SurveyCampaigns(JdbcClient jdbc, Surveys surveys, PeopleSearch people, InterestGroups groups,
			PlaceManagement places, AuditTrail audit, OutOfReach reach, Clock clock) {
		this.jdbc = jdbc;
		this.surveys = surveys;
		this.people = people;
		this.groups = groups;
		this.places = places;
		this.audit = audit;
		this.reach = reach;
		this.clock = clock;
	}

	/**
	 * Opens a campaign on the questionnaire's published version and draws its sample.
	 * @throws InvalidInput listing every field that breaks a rule, or when nobody can be
	 * drawn
	 */
	public SurveyCampaign open(CurrentUser user, NewCampaign form) {
		require(user, Permission.SURVEYS_MANAGE);
		List<Violation> errors = new ArrayList<>();
		Survey survey = null;
		if (form.surveyId() == null) {
			errors.add(new Violation("surveyId", "field.required"));
		}
		else {
			try {
				survey = this.surveys.get(user, form.surveyId());
				if (survey.publishedVersion() == null) {
					errors.add(new Violation("surveyId", "surveys.campaign.unpublished"));
				}
			}
			catch (NotFound ex) {
				errors.add(new Violation("surveyId", "surveys.survey.unknown", form.surveyId()));
			}
		}
		String title = trimmed(form.title());
		if (title == null) {
			errors.add(new Violation("title", "field.required"));
		}
		else if (title.length() > 100) {
			errors.add(new Violation("title", "surveys.text.long", 100));
		}
		if (form.sampleSize() == null) {
			errors.add(new Violation("sampleSize", "field.required"));
		}
		else if (form.sampleSize() < 1 || form.sampleSize() > MAX_SAMPLE) {
			errors.add(new Violation("sampleSize", "surveys.campaign.sampleSize", MAX_SAMPLE));
		}
		if (form.opensOn() == null) {
			errors.add(new Violation("opensOn", "field.required"));
		}
		if (form.closesOn() == null) {
			errors.add(new Violation("closesOn", "field.required"));
		}
		else if (form.opensOn() != null && form.closesOn().isBefore(form.opensOn())) {
			errors.add(new Violation("closesOn", "surveys.campaign.closesBeforeOpens"));
		}
		else if (form.closesOn().isBefore(today())) {
			errors.add(new Violation("closesOn", "surveys.campaign.closesInPast"));
		}
		if (form.areaId() != null && !isArea(user, form.areaId())) {
			errors.add(new Violation("areaId", "surveys.campaign.area", form.areaId()));
		}
		String group = trimmed(form.groupCode());
		if (group != null && this.groups.find(user.community(), group).isEmpty()) {
			errors.add(new Violation("groupCode", "surveys.campaign.group", group));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInput(errors);
		}
		long seed = (form.seed() != null) ? form.seed() : SEEDS.nextLong();
		List<Candidate> drawn = StratifiedDraw.draw(population(user, form.areaId(), group), form.sampleSize(), seed);
		if (drawn.isEmpty()) {
			throw new InvalidInput("sampleSize", "surveys.campaign.nobody");
		}
		long id = this.jdbc
			.sql("""
					insert into survey_campaign (community_id, survey_id, survey_version, service_line, title, seed,
					                             sample_size, area_id, group_code, opens_on, closes_on, sampled, created_by)
					values (:c, :survey, :version, :line, :title, :seed, :size, :area, :group, :opens, :closes, :sampled, :by)
					returning id
					""")
			.param("c", user.communityId())
			.param("survey", survey.id())
			.param("version", survey.publishedVersion())
			.param("line", survey.serviceLine().name())
			.param("title", title)
			.param("seed", seed)
			.param("size", form.sampleSize())
			.param("area", form.areaId())
			.param("group", group)
			.param("opens", form.opensOn())
			.param("closes", form.closesOn())
			.param("sampled", drawn.size())
			.param("by", user.actor())
			.query(Long.class)
			.single();
		for (Candidate person : drawn) {
			this.jdbc.sql("""
					insert into survey_sample (community_id, campaign_id, person_id, person_name, stratum, area_id,
					                           grid_id, groups)
					values (:c, :campaign, :person, :name, :stratum, :area, :grid, :groups)
					""")
				.param("c", user.communityId())
				.param("campaign", id)
				.param("person", person.personId())
				.param("name", person.name())
				.param("stratum", person.stratum())
				.param("area", person.areaId())
				.param("grid", person.gridId())
				.param("groups", person.groups().toArray(String[]::new))
				.update();
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("surveyId", survey.id());
		detail.put("surveyVersion", survey.publishedVersion());
		detail.put("seed", seed);
		detail.put("sampleSize", form.sampleSize());
		detail.put("sampled", drawn.size());
		this.audit.record(user.community(), "SURVEY_CAMPAIGN_OPENED", "SURVEY_CAMPAIGN", id, detail);
		return get(user, id);
	}

	/**
	 * @throws NotFound when there is no such campaign
	 */
	@Transactional(readOnly = true)
	public SurveyCampaign get(CurrentUser user, long id) {
		require(user, Permission.APPEALS_READ);
		return find(user, id);
	}

	private SurveyCampaign find(CurrentUser user, long id) {
		return this.jdbc.sql("select " + COLUMNS + " from survey_campaign c where c.community_id = :c and c.id = :id")
			.param("c", user.communityId())
			.param("id", id)
			.query((rs, row) -> read(user, rs))
			.optional()
			.orElseThrow(() -> new NotFound("surveyCampaign", id));
	}

	/**
	 * @return the campaigns, newest first; never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<SurveyCampaign> list(CurrentUser user, @Nullable ServiceLine line) {
		require(user, Permission.APPEALS_READ);
		return this.jdbc.sql("select " + COLUMNS + """
				 from survey_campaign c
				where c.community_id = :c and (cast(:line as text) is null or c.service_line = :line)
				order by c.id desc limit 200
				""")
			.param("c", user.communityId())
			.param("line", (line != null) ? line.name() : null)
			.query((rs, row) -> read(user, rs))
			.list();
	}

	/**
	 * The sampled people within the caller's grids, by name.
	 * @param respondedToo whether to list those who answered as well; without it, the
	 * list is of the people still to follow up
	 * @throws NotFound when there is no such campaign
	 */
	@Transactional(readOnly = true)
	public List<SampledPerson> sample(CurrentUser user, long id, boolean respondedToo) {
		get(user, id);
		return this.jdbc.sql("""
				select s.person_id, s.person_name, s.stratum, s.area_id, s.grid_id, r.id is not null as responded
				from survey_sample s
				left join survey_response r on r.community_id = s.community_id and r.campaign_id = s.campaign_id
				                           and r.person_id = s.person_id
				where s.community_id = :c and s.campaign_id = :id
				  and (cast(:grids as bigint[]) is null or s.grid_id = any(:grids))
				  and (:all or r.id is null)
				order by s.person_name, s.person_id
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("grids", user.scope().gridFilter())
			.param("all", respondedToo)
			.query((rs, row) -> new SampledPerson(rs.getLong("person_id"), rs.getString("person_name"),
					rs.getString("stratum"), rs.getObject("area_id", Long.class), rs.getObject("grid_id", Long.class),
					rs.getBoolean("responded")))
			.list();
	}

	/**
	 * Draws the campaign's sample again with its seed over today's population: the same
	 * people come out as long as nobody moved in, out or between strata since.
	 * @return whether the new draw equals the stored sample
	 */
	@Transactional(readOnly = true)
	public boolean drawRepeats(CurrentUser user, long id) {
		require(user, Permission.SURVEYS_MANAGE);
		SurveyCampaign campaign = get(user, id);
		List<Long> again = StratifiedDraw
			.draw(population(user, campaign.areaId(), campaign.groupCode()), campaign.sampleSize(), campaign.seed())
			.stream()
			.map(Candidate::personId)
			.sorted()
			.toList();
		List<Long> stored = this.jdbc
			.sql("select person_id from survey_sample where community_id = :c and campaign_id = :id order by person_id")
			.param("c", user.communityId())
			.param("id", id)
			.query(Long.class)
			.list();
		return again.equals(stored);
	}

	/**
	 * @return the sampled person of the campaign, for taking their answers
	 * @throws NotFound when the campaign does not exist or lies outside the caller's
	 * grids
	 * @throws InvalidInput when the person was not drawn
	 */
	Sampled sampled(CurrentUser user, long campaignId, long personId) {
		boolean resident = user.role() == Role.RESIDENT;
		if (resident && !Objects.equals(user.personId(), personId)) {
			throw new NotFound("surveyCampaign", campaignId);
		}
		SurveyCampaign campaign = resident ? find(user, campaignId) : get(user, campaignId);
		Sampled sampled = this.jdbc.sql("""
				select person_id, person_name, area_id, grid_id, groups from survey_sample
				where community_id = :c and campaign_id = :campaign and person_id = :person
				""")
			.param("c", user.communityId())
			.param("campaign", campaignId)
			.param("person", personId)
			.query((rs, row) -> new Sampled(campaign, rs.getLong("person_id"), rs.getString("person_name"),
					rs.getObject("area_id", Long.class), rs.getObject("grid_id", Long.class),
					(String[]) rs.getArray("groups").getArray()))
			.optional()
			.orElseThrow(() -> resident ? new NotFound("surveyCampaign", campaignId)
					: new InvalidInput("personId", "surveys.response.notSampled"));
		if (!resident) {
			this.reach.require(user, user.scope().covers(sampled.gridId()), "SURVEY_SAMPLE", "surveySample", personId);
		}
		return sampled;
	}

	/**
	 * @return the open campaigns that drew this person and that they have not answered
	 */
	@Transactional(readOnly = true)
	List<SurveyCampaign> waitingFor(CurrentUser resident, long personId) {
		return this.jdbc
			.sql("select " + COLUMNS
					+ """
							 from survey_campaign c
							join survey_sample s on s.community_id = c.community_id and s.campaign_id = c.id and s.person_id = :person
							where c.community_id = :c and :today between c.opens_on and c.closes_on
							  and not exists (select 1 from survey_response r where r.community_id = c.community_id
							                  and r.campaign_id = c.id and r.person_id = :person)
							order by c.closes_on, c.id
							""")
			.param("c", resident.communityId())
			.param("person", personId)
			.param("today", today())
			.query((rs, row) -> read(resident, rs))
			.list();
	}

	LocalDate today() {
		return LocalDate.now(this.clock.withZone(SHANGHAI));
	}

	private boolean isArea(CurrentUser user, long areaId) {
		try {
			Place place = this.places.get(user, areaId);
			return place.kind() == PlaceKind.AREA;
		}
		catch (NotFound ex) {
			return false;
		}
	}

	private List<Candidate> population(CurrentUser user, @Nullable Long areaId, @Nullable String group) {
		List<Candidate> population = new ArrayList<>();
		this.people.forEach(user.scope(), new PeopleQuery(null, group, areaId, null, PersonStatus.REGISTERED),
				(Person person) -> population.add(new Candidate(person.id(), person.name(), person.areaId(),
						person.gridId(), person.groups().stream().map(Person.GroupRef::code).toList())));
		return population;
	}

	private SurveyCampaign read(CurrentUser user, ResultSet rs) throws SQLException {
		long id = rs.getLong("id");
		ServiceLine line = ServiceLine.valueOf(rs.getString("service_line"));
		List<SurveyCampaign.Stratum> strata = this.jdbc.sql("""
				select s.stratum, count(*) as sampled, count(r.id) as responded
				from survey_sample s
				left join survey_response r on r.community_id = s.community_id and r.campaign_id = s.campaign_id
				                           and r.person_id = s.person_id
				where s.community_id = :c and s.campaign_id = :id
				  and (cast(:grids as bigint[]) is null or s.grid_id = any(:grids))
				group by s.stratum order by s.stratum
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("grids", user.scope().gridFilter())
			.query((r, row) -> new SurveyCampaign.Stratum(r.getString("stratum"), r.getInt("sampled"),
					r.getInt("responded")))
			.list();
		int sampled = strata.stream().mapToInt(SurveyCampaign.Stratum::sampled).sum();
		int responded = strata.stream().mapToInt(SurveyCampaign.Stratum::responded).sum();
		LocalDate opens = rs.getDate("opens_on").toLocalDate();
		LocalDate closes = rs.getDate("closes_on").toLocalDate();
		LocalDate today = today();
		return new SurveyCampaign(id, rs.getLong("survey_id"), rs.getInt("survey_version"), line,
				this.surveys.lineName(line), rs.getString("title"), rs.getLong("seed"), rs.getInt("sample_size"),
				rs.getObject("area_id", Long.class), rs.getString("group_code"), opens, closes,
				!today.isBefore(opens) && !today.isAfter(closes), sampled, responded,
				(sampled == 0) ? 0 : Math.round(1000.0 * responded / sampled) / 10.0, strata, rs.getLong("version"));
	}

	/**
	 * A sampled person as a response needs them: where they live and their groups at the
	 * draw.
	 */
	record Sampled(SurveyCampaign campaign, long personId, String personName, @Nullable Long areaId,
			@Nullable Long gridId, String[] groups) {
	}

}
