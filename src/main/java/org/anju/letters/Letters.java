package org.anju.letters;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anju.audit.AuditTrail;
import org.anju.duty.Organisation;
import org.anju.duty.Organisation.PostRef;
import org.anju.duty.Organisation.UnitRef;
import org.anju.identity.CurrentUser;
import org.anju.identity.OutOfReach;
import org.anju.identity.Permission;
import org.anju.letters.LetterForm.TargetForm;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.anju.shared.Territory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responsibility letters: created by leaders from a unit to a unit below it or a post of
 * one, cascaded down the tree with their targets, signed by the recipient (the post's
 * holder, or a holder of one of the unit's posts), revised into a new version once
 * signed, and closed at the period's end with their assessment frozen. Leaders and
 * administrators see every letter; other staff see the letters their posts issued or
 * received, and any other letter answers 404.
 */
@Service
@Transactional
class Letters {

	/** The most targets a letter may carry. */
	static final int MAX_TARGETS = 20;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final JdbcClient jdbc;

	private final Organisation organisation;

	private final Map<String, Metric> metrics;

	private final AuditTrail audit;

	private final OutOfReach reach;

	private final ObjectMapper json;

	private final Clock clock;

	Letters(JdbcClient jdbc, Organisation organisation, List<Metric> metrics, AuditTrail audit, OutOfReach reach,
			ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.metrics = metrics.stream()
			.collect(Collectors.toMap(Metric::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
		this.audit = audit;
		this.reach = reach;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * @return the metrics targets may be bound to, in their order
	 */
	List<Metric> metrics() {
		return List.copyOf(this.metrics.values());
	}

	/**
	 * @throws InvalidInput naming every field that breaks a rule; nothing is written
	 */
	Letter create(CurrentUser user, LetterForm form) {
		requireManage(user);
		Checked checked = checked(user, form);
		return insert(user, null, checked.title(), checked.issuerUnitId(), checked.recipientUnitId(),
				form.recipientPostId(), checked.from(), checked.to(), checked.targets());
	}

	/**
	 * Checks a new letter as {@link #create} does, writing nothing: for a form whose
	 * other fields could not be read, so that every broken rule is named at once.
	 * @throws InvalidInput naming every field that breaks a rule
	 */
	void check(CurrentUser user, LetterForm form) {
		requireManage(user);
		checked(user, form);
	}

	private Checked checked(CurrentUser user, LetterForm form) {
		List<Violation> problems = new ArrayList<>();
		String title = (form.title() == null) ? "" : form.title().strip();
		if (title.isEmpty() || title.length() > 100) {
			problems.add(new Violation("title", "letters.title.length", 100));
		}
		Optional<UnitRef> issuer = unit(user.community(), form.issuerUnitId(), "issuerUnitId", problems);
		Optional<UnitRef> recipient = unit(user.community(), form.recipientUnitId(), "recipientUnitId", problems);
		if (issuer.isPresent() && recipient.isPresent()) {
			boolean same = issuer.get().id() == recipient.get().id();
			if ((same && form.recipientPostId() == null)
					|| (!same && !below(user.community(), recipient.get(), issuer.get().id()))) {
				problems.add(new Violation("recipientUnitId", "letters.recipient.notBelow"));
			}
		}
		if (form.recipientPostId() != null) {
			Optional<PostRef> post = this.organisation.post(user.community(), form.recipientPostId());
			if (post.isEmpty()) {
				problems.add(new Violation("recipientPostId", "letters.post.unknown", form.recipientPostId()));
			}
			else if (recipient.isPresent() && post.get().unitId() != recipient.get().id()) {
				problems.add(new Violation("recipientPostId", "letters.post.notOfUnit"));
			}
		}
		LocalDate from = form.from();
		LocalDate to = form.to();
		if (from == null && to == null) {
			int year = (form.year() != null) ? form.year()
					: LocalDate.now(this.clock.withZone(Territory.ZONE)).getYear();
			if (year < 2000 || year > 2100) {
				problems.add(new Violation("year", "letters.period.year"));
			}
			else {
				from = LocalDate.of(year, 1, 1);
				to = LocalDate.of(year, 12, 31);
			}
		}
		else if (from == null || to == null) {
			problems.add(new Violation((from == null) ? "from" : "to", "field.required"));
		}
		else if (to.isBefore(from) || to.isAfter(from.plusYears(1))) {
			problems.add(new Violation("to", "letters.period.range"));
		}
		List<Target> targets = targets(form.targets(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Checked(title, issuer.orElseThrow().id(), recipient.orElseThrow().id(), from, to, targets);
	}

	/**
	 * Creates a draft letter from the letter's recipient to each unit directly under it
	 * that has none from this letter yet, with the targets of the letter's binding
	 * version, to be adjusted before they are signed.
	 * @return the letters created
	 * @throws Refused for a letter to a post, which has nothing under it
	 */
	List<Letter> cascade(CurrentUser user, long id) {
		requireManage(user);
		Letter parent = get(user, id);
		if (parent.recipientPostId() != null) {
			throw new Refused("letters.cascade.post");
		}
		Set<Long> done = new HashSet<>(
				this.jdbc.sql("select recipient_unit_id from letter where community_id = :c and parent_id = :id")
					.param("c", user.communityId())
					.param("id", id)
					.query(Long.class)
					.list());
		List<Letter> created = new ArrayList<>();
		for (UnitRef child : this.organisation.children(user.community(), parent.recipientUnitId())) {
			if (done.add(child.id())) {
				created.add(insert(user, parent.id(), parent.title(), parent.recipientUnitId(), child.id(), null,
						parent.from(), parent.to(), parent.binding().targets()));
			}
		}
		return created;
	}

	/**
	 * Changes the targets: a draft in place, a signed version into a new version.
	 * @throws StaleVersion when the letter changed since {@code expectedVersion}
	 * @throws Refused when the period is closed
	 */
	Letter revise(CurrentUser user, long id, long expectedVersion, @Nullable String note,
			@Nullable List<TargetForm> forms) {
		requireManage(user);
		Letter letter = get(user, id);
		String cleanNote = (note == null) ? "" : note.strip();
		List<Target> targets = checked(cleanNote, forms);
		open(letter);
		lock(user.community(), letter, expectedVersion);
		int number = letter.currentVersion();
		if (letter.current().signed()) {
			number++;
			insertVersion(user, id, number, cleanNote);
			this.jdbc.sql("update letter set current_version = :n where community_id = :c and id = :id")
				.param("n", number)
				.param("c", user.communityId())
				.param("id", id)
				.update();
		}
		else {
			this.jdbc
				.sql("delete from letter_target where community_id = :c and letter_id = :id and version_number = :n")
				.param("c", user.communityId())
				.param("id", id)
				.param("n", number)
				.update();
			this.jdbc.sql(
					"update letter_version set note = :note where community_id = :c and letter_id = :id and number = :n")
				.param("note", cleanNote)
				.param("c", user.communityId())
				.param("id", id)
				.param("n", number)
				.update();
		}
		insertTargets(user.community(), id, number, targets);
		this.audit.record(user.community(), "LETTER_REVISED", "LETTER", id,
				Map.of("version", number, "targets", describe(targets), "note", cleanNote));
		return find(user.community(), id).orElseThrow();
	}

	/**
	 * Checks changed targets as {@link #revise} does, writing nothing.
	 * @throws InvalidInput naming every field that breaks a rule
	 */
	void check(CurrentUser user, @Nullable String note, @Nullable List<TargetForm> forms) {
		requireManage(user);
		checked((note == null) ? "" : note.strip(), forms);
	}

	private List<Target> checked(String note, @Nullable List<TargetForm> forms) {
		List<Violation> problems = new ArrayList<>();
		if (note.length() > 500) {
			problems.add(new Violation("note", "letters.note.length", 500));
		}
		List<Target> targets = targets(forms, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return targets;
	}

	/**
	 * Signs the letter's latest version as its recipient, which freezes it.
	 * @param versionNumber the version the signer read, which must be the latest
	 * @throws Refused when the signer is not the recipient, the version is not the latest
	 * or is signed already, or the period is closed
	 */
	Letter sign(CurrentUser user, long id, @Nullable Integer versionNumber) {
		Letter letter = get(user, id);
		if (versionNumber == null) {
			throw new InvalidInput("version", "field.required");
		}
		open(letter);
		if (!recipient(user, letter)) {
			throw new Refused("letters.sign.notRecipient", letter.recipient());
		}
		if (versionNumber != letter.currentVersion()) {
			throw new Refused("letters.sign.notCurrent", versionNumber, letter.currentVersion());
		}
		int updated = this.jdbc.sql("""
				update letter_version set signed_by = :user, signed_by_name = :name, signed_at = :now
				where community_id = :c and letter_id = :id and number = :n and signed_at is null
				""")
			.param("user", user.userId())
			.param("name", user.displayName())
			.param("now", Timestamp.from(this.clock.instant()))
			.param("c", user.communityId())
			.param("id", id)
			.param("n", versionNumber)
			.update();
		if (updated == 0) {
			throw new Refused("letters.sign.already", versionNumber);
		}
		bump(user.community(), id);
		this.audit.record(user.community(), "LETTER_SIGNED", "LETTER", id,
				Map.of("version", versionNumber, "signedBy", user.displayName()));
		return find(user.community(), id).orElseThrow();
	}

	/**
	 * Closes the letter's period: the assessment is computed once more and frozen.
	 * @throws Refused before the period's end, for a letter never signed, or one closed
	 * already
	 */
	Score close(CurrentUser user, long id, long expectedVersion) {
		requireManage(user);
		Letter letter = get(user, id);
		Instant now = this.clock.instant();
		PeriodClose.Reason reason = unclosable(letter, now);
		if (reason != null) {
			throw reason.refused(letter.title(), letter.to());
		}
		lock(user.community(), letter, expectedVersion);
		return freeze(user, letter, now);
	}

	/**
	 * Closes a whole period at once: every letter whose period starts in the year, ended,
	 * signed and not closed yet, each as {@link #close} would, with its audit row; the
	 * others are left as they were and answered with the reason. All in one transaction:
	 * when any letter cannot be frozen, none is.
	 * @throws InvalidInput for a missing year or one outside 2000 to 2100
	 * @throws StaleVersion when a letter changed while this ran (a concurrent close);
	 * nothing is closed then
	 */
	PeriodClose closeAll(CurrentUser user, @Nullable Integer year) {
		requireManage(user);
		if (year == null) {
			throw new InvalidInput("year", "field.required");
		}
		if (year < 2000 || year > 2100) {
			throw new InvalidInput("year", "letters.period.year");
		}
		Instant now = this.clock.instant();
		List<PeriodClose.Closed> closed = new ArrayList<>();
		List<PeriodClose.Skipped> skipped = new ArrayList<>();
		for (Letter letter : all(user.community(), year)) {
			PeriodClose.Reason reason = unclosable(letter, now);
			if (reason != null) {
				skipped
					.add(new PeriodClose.Skipped(letter.id(), letter.title(), letter.recipient(), letter.to(), reason));
				continue;
			}
			lock(user.community(), letter, letter.version());
			Score score = freeze(user, letter, now);
			closed.add(new PeriodClose.Closed(letter.id(), letter.title(), letter.recipient(), score.total(),
					score.max(), score.vetoed()));
		}
		return new PeriodClose(year, closed, skipped);
	}

	/**
	 * @return why the letter cannot be closed now, or {@literal null} when it can
	 */
	private static PeriodClose.@Nullable Reason unclosable(Letter letter, Instant now) {
		if (letter.closedAt() != null) {
			return PeriodClose.Reason.CLOSED_ALREADY;
		}
		if (!now.atZone(Territory.ZONE).toLocalDate().isAfter(letter.to())) {
			return PeriodClose.Reason.PERIOD_RUNS;
		}
		return letter.binding().signed() ? null : PeriodClose.Reason.UNSIGNED;
	}

	/**
	 * Computes the assessment once more and stores it on the letter, audited; the caller
	 * has checked and locked the letter.
	 */
	private Score freeze(CurrentUser user, Letter letter, Instant now) {
		long id = letter.id();
		Score score = live(user.community(), letter, now).frozenAt(now);
		this.jdbc.sql("""
				update letter set closed_at = :now, closed_by = :by, score = cast(:score as jsonb)
				where community_id = :c and id = :id
				""")
			.param("now", Timestamp.from(now))
			.param("by", user.actor())
			.param("score", this.json.writeValueAsString(score))
			.param("c", user.communityId())
			.param("id", id)
			.update();
		this.audit.record(user.community(), "LETTER_CLOSED", "LETTER", id, Map.of("version", score.versionNumber(),
				"total", score.total(), "max", score.max(), "vetoed", score.vetoed()));
		return score;
	}

	@Transactional(readOnly = true)
	Letter get(CurrentUser user, long id) {
		requireRead(user);
		Letter letter = find(user.community(), id).orElseThrow(() -> new NotFound("letter", id));
		this.reach.require(user, reaches(user, letter, held(user)), "LETTER", "letter", id);
		return letter;
	}

	/**
	 * @param year only the letters whose period starts in this year, or all
	 * @return the letters the caller may see, by period and id
	 */
	@Transactional(readOnly = true)
	List<Letter> list(CurrentUser user, @Nullable Integer year) {
		requireRead(user);
		Held held = held(user);
		return all(user.community(), year).stream().filter((letter) -> reaches(user, letter, held)).toList();
	}

	/**
	 * @return the assessment: frozen when the period is closed, else computed now
	 */
	@Transactional(readOnly = true)
	Score score(CurrentUser user, long id) {
		return score(user.community(), get(user, id));
	}

	@Transactional(readOnly = true)
	Score score(CommunityId community, Letter letter) {
		if (letter.closedAt() != null) {
			String frozen = this.jdbc.sql("select score::text from letter where community_id = :c and id = :id")
				.param("c", community.value())
				.param("id", letter.id())
				.query(String.class)
				.single();
			return this.json.readValue(frozen, Score.class);
		}
		return live(community, letter, this.clock.instant());
	}

	/**
	 * @return whether the caller signs for the letter's recipient
	 */
	boolean recipient(CurrentUser user, Letter letter) {
		Held held = held(user);
		return (letter.recipientPostId() != null) ? held.posts().contains(letter.recipientPostId())
				: held.units().contains(letter.recipientUnitId());
	}

	/**
	 * @return every letter of the community, without a reach check, for the scoreboard
	 */
	@Transactional(readOnly = true)
	List<Letter> all(CommunityId community, @Nullable Integer year) {
		List<Long> ids = this.jdbc.sql("""
				select id from letter
				where community_id = :c and (cast(:year as int) is null or extract(year from period_from) = :year)
				order by period_from, id
				""").param("c", community.value()).param("year", year).query(Long.class).list();
		return load(community, ids);
	}

	@Transactional(readOnly = true)
	Optional<Letter> find(CommunityId community, long id) {
		return load(community, List.of(id)).stream().findFirst();
	}

	/**
	 * @return what the letter's recipient answers for: an area with its grids, a grid, a
	 * department, or else the whole community, over the letter's period
	 */
	Territory territory(CommunityId community, Letter letter) {
		UnitRef unit = this.organisation.unit(community, letter.recipientUnitId()).orElse(null);
		String kind = (unit != null) ? unit.kind() : "";
		return switch (kind) {
			case "AREA" -> new Territory(false, List.of(unit.id()),
					this.organisation.children(community, unit.id()).stream().map(UnitRef::id).toList(), null,
					letter.from(), letter.to());
			case "GRID" -> new Territory(false, List.of(), List.of(unit.id()), null, letter.from(), letter.to());
			case "DEPARTMENT" ->
				new Territory(false, List.of(), List.of(), unit.departmentCode(), letter.from(), letter.to());
			default -> new Territory(true, List.of(), List.of(), null, letter.from(), letter.to());
		};
	}

	private Score live(CommunityId community, Letter letter, Instant now) {
		Letter.Version binding = letter.binding();
		return Scoring.score(letter.id(), binding.number(), binding.signed(), binding.targets(), this.metrics,
				community, territory(community, letter), now);
	}

	private Letter insert(CurrentUser user, @Nullable Long parentId, String title, long issuerUnitId,
			long recipientUnitId, @Nullable Long recipientPostId, LocalDate from, LocalDate to, List<Target> targets) {
		long id = this.jdbc
			.sql("""
					insert into letter (community_id, parent_id, title, issuer_unit_id, recipient_unit_id, recipient_post_id,
					                    period_from, period_to, created_at, created_by)
					values (:c, :parent, :title, :issuer, :recipient, :post, :from, :to, :now, :by) returning id
					""")
			.param("c", user.communityId())
			.param("parent", parentId)
			.param("title", title)
			.param("issuer", issuerUnitId)
			.param("recipient", recipientUnitId)
			.param("post", recipientPostId)
			.param("from", from)
			.param("to", to)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.actor())
			.query(Long.class)
			.single();
		insertVersion(user, id, 1, "");
		insertTargets(user.community(), id, 1, targets);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("title", title);
		detail.put("issuerUnitId", issuerUnitId);
		detail.put("recipientUnitId", recipientUnitId);
		detail.put("recipientPostId", recipientPostId);
		detail.put("period", from + "/" + to);
		detail.put("targets", describe(targets));
		detail.put("parentId", parentId);
		this.audit.record(user.community(), "LETTER_CREATED", "LETTER", id, detail);
		return find(user.community(), id).orElseThrow();
	}

	private void insertVersion(CurrentUser user, long id, int number, String note) {
		this.jdbc.sql("""
				insert into letter_version (community_id, letter_id, number, note, created_at, created_by)
				values (:c, :id, :n, :note, :now, :by)
				""")
			.param("c", user.communityId())
			.param("id", id)
			.param("n", number)
			.param("note", note)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("by", user.actor())
			.update();
	}

	private void insertTargets(CommunityId community, long id, int number, List<Target> targets) {
		for (int i = 0; i < targets.size(); i++) {
			Target target = targets.get(i);
			this.jdbc.sql("""
					insert into letter_target (community_id, letter_id, version_number, position, metric, kind,
					                           threshold, points, deduction)
					values (:c, :id, :n, :position, :metric, :kind, :threshold, :points, :deduction)
					""")
				.param("c", community.value())
				.param("id", id)
				.param("n", number)
				.param("position", i)
				.param("metric", target.metric())
				.param("kind", target.kind().name())
				.param("threshold", target.threshold())
				.param("points", target.points())
				.param("deduction", target.deduction())
				.update();
		}
	}

	private void lock(CommunityId community, Letter letter, long expectedVersion) {
		int updated = this.jdbc
			.sql("update letter set version = version + 1 where community_id = :c and id = :id and version = :v")
			.param("c", community.value())
			.param("id", letter.id())
			.param("v", expectedVersion)
			.update();
		if (updated == 0) {
			throw new StaleVersion(letter.version());
		}
	}

	private void bump(CommunityId community, long id) {
		this.jdbc.sql("update letter set version = version + 1 where community_id = :c and id = :id")
			.param("c", community.value())
			.param("id", id)
			.update();
	}

	private static void open(Letter letter) {
		if (letter.closedAt() != null) {
			throw new Refused("letters.closed", letter.title());
		}
	}

	private List<Target> targets(@Nullable List<TargetForm> forms, List<Violation> problems) {
		if (forms == null || forms.isEmpty()) {
			problems.add(new Violation("targets", "letters.targets.required"));
			return List.of();
		}
		if (forms.size() > MAX_TARGETS) {
			problems.add(new Violation("targets", "letters.targets.tooMany", MAX_TARGETS));
			return List.of();
		}
		List<Target> targets = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < forms.size(); i++) {
			TargetForm form = forms.get(i);
			String field = "targets[" + i + "].";
			int before = problems.size();
			Metric metric = (form.metric() != null) ? this.metrics.get(form.metric()) : null;
			if (metric == null) {
				problems.add(new Violation(field + "metric", "letters.metric.unknown", String.valueOf(form.metric())));
			}
			Target.Kind kind = kind(form.kind());
			if (kind == null) {
				problems.add(new Violation(field + "kind", "letters.kind.unknown", String.valueOf(form.kind())));
			}
			else if (metric != null && !seen.add(metric.code() + "/" + kind)) {
				problems.add(new Violation(field + "metric", "letters.metric.twice"));
			}
			BigDecimal threshold = form.threshold();
			if (threshold == null) {
				problems.add(new Violation(field + "threshold", "field.required"));
			}
			else if (metric != null && metric.measure() == Metric.Measure.RATE
					&& (threshold.signum() < 0 || threshold.compareTo(HUNDRED) > 0)) {
				problems.add(new Violation(field + "threshold", "letters.threshold.rate"));
			}
			else if (metric != null && metric.measure() == Metric.Measure.COUNT
					&& (threshold.signum() < 0 || threshold.stripTrailingZeros().scale() > 0)) {
				problems.add(new Violation(field + "threshold", "letters.threshold.count"));
			}
			BigDecimal points = (form.points() != null) ? form.points() : BigDecimal.ZERO;
			if (points.signum() < 0 || points.compareTo(HUNDRED) > 0) {
				problems.add(new Violation(field + "points", "letters.points.range", 100));
			}
			BigDecimal deduction = (form.deduction() != null) ? form.deduction() : BigDecimal.ZERO;
			if (deduction.signum() < 0 || deduction.compareTo(points) > 0) {
				problems.add(new Violation(field + "deduction", "letters.deduction.range"));
			}
			if (problems.size() == before) {
				targets.add(new Target(metric.code(), kind, threshold, points, deduction));
			}
		}
		return targets;
	}

	private static Target.@Nullable Kind kind(@Nullable String kind) {
		if (kind == null || kind.isBlank()) {
			return Target.Kind.SCORED;
		}
		try {
			return Target.Kind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Optional<UnitRef> unit(CommunityId community, @Nullable Long id, String field, List<Violation> problems) {
		if (id == null) {
			problems.add(new Violation(field, "field.required"));
			return Optional.empty();
		}
		Optional<UnitRef> unit = this.organisation.unit(community, id);
		if (unit.isEmpty()) {
			problems.add(new Violation(field, "letters.unit.unknown", id));
		}
		return unit;
	}

	private boolean below(CommunityId community, UnitRef unit, long ancestorId) {
		Map<Long, UnitRef> units = this.organisation.units(community)
			.stream()
			.collect(Collectors.toMap(UnitRef::id, Function.identity()));
		Long parent = unit.parentId();
		while (parent != null) {
			if (parent == ancestorId) {
				return true;
			}
			UnitRef up = units.get(parent);
			parent = (up != null) ? up.parentId() : null;
		}
		return false;
	}

	private static String describe(List<Target> targets) {
		return targets.stream()
			.map((t) -> t.metric() + " " + t.kind() + " " + t.threshold().toPlainString() + " "
					+ t.points().toPlainString() + "/-" + t.deduction().toPlainString())
			.collect(Collectors.joining("; "));
	}

	private static void requireManage(CurrentUser user) {
		if (!user.may(Permission.LETTERS_MANAGE)) {
			throw new AccessDeniedException("needs LETTERS_MANAGE");
		}
	}

	private static void requireRead(CurrentUser user) {
		if (!user.may(Permission.LETTERS_READ)) {
			throw new AccessDeniedException("needs LETTERS_READ");
		}
	}

	private Held held(CurrentUser user) {
		List<PostRef> posts = this.organisation.heldBy(user.community(), user.userId());
		return new Held(posts.stream().map(PostRef::unitId).collect(Collectors.toSet()),
				posts.stream().map(PostRef::id).collect(Collectors.toSet()));
	}

	private static boolean reaches(CurrentUser user, Letter letter, Held held) {
		if (user.may(Permission.LETTERS_MANAGE)) {
			return true;
		}
		return held.units().contains(letter.issuerUnitId()) || held.units().contains(letter.recipientUnitId())
				|| (letter.recipientPostId() != null && held.posts().contains(letter.recipientPostId()));
	}

	private List<Letter> load(CommunityId community, List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Long[] array = ids.toArray(Long[]::new);
		Map<Long, String> units = this.organisation.units(community)
			.stream()
			.collect(Collectors.toMap(UnitRef::id, UnitRef::nameZh));
		Map<Long, String> posts = this.organisation.posts(community, null)
			.stream()
			.collect(Collectors.toMap(PostRef::id, PostRef::name));
		Map<String, List<Target>> targets = new LinkedHashMap<>();
		this.jdbc.sql("""
				select letter_id, version_number, metric, kind, threshold, points, deduction from letter_target
				where community_id = :c and letter_id = any(cast(:ids as bigint[]))
				order by letter_id, version_number, position
				""").param("c", community.value()).param("ids", array).query((ResultSet rs) -> {
			targets
				.computeIfAbsent(rs.getLong("letter_id") + "/" + rs.getInt("version_number"), (k) -> new ArrayList<>())
				.add(new Target(rs.getString("metric"), Target.Kind.valueOf(rs.getString("kind")),
						rs.getBigDecimal("threshold"), rs.getBigDecimal("points"), rs.getBigDecimal("deduction")));
		});
		Map<Long, List<Letter.Version>> versions = new LinkedHashMap<>();
		this.jdbc.sql("""
				select letter_id, number, note, created_at, created_by, signed_by, signed_by_name, signed_at
				from letter_version where community_id = :c and letter_id = any(cast(:ids as bigint[]))
				order by letter_id, number
				""").param("c", community.value()).param("ids", array).query((ResultSet rs) -> {
			long letterId = rs.getLong("letter_id");
			int number = rs.getInt("number");
			Timestamp signedAt = rs.getTimestamp("signed_at");
			versions.computeIfAbsent(letterId, (k) -> new ArrayList<>())
				.add(new Letter.Version(number, rs.getString("note"), rs.getTimestamp("created_at").toInstant(),
						rs.getString("created_by"), rs.getObject("signed_by", Long.class),
						rs.getString("signed_by_name"), (signedAt != null) ? signedAt.toInstant() : null,
						targets.getOrDefault(letterId + "/" + number, List.of())));
		});
		return this.jdbc.sql("""
				select l.id, l.parent_id, l.title, l.issuer_unit_id, l.recipient_unit_id, l.recipient_post_id,
				       l.period_from, l.period_to, l.current_version, l.closed_at, l.closed_by,
				       l.created_at, l.created_by, l.version
				from letter l
				where l.community_id = :c and l.id = any(cast(:ids as bigint[]))
				order by l.period_from, l.id
				""")
			.param("c", community.value())
			.param("ids", array)
			.query((rs, row) -> letter(rs, units, posts, versions))
			.list();
	}

	private static Letter letter(ResultSet rs, Map<Long, String> units, Map<Long, String> posts,
			Map<Long, List<Letter.Version>> versions) throws SQLException {
		long id = rs.getLong("id");
		Timestamp closedAt = rs.getTimestamp("closed_at");
		long issuer = rs.getLong("issuer_unit_id");
		long recipient = rs.getLong("recipient_unit_id");
		Long post = rs.getObject("recipient_post_id", Long.class);
		return new Letter(id, rs.getObject("parent_id", Long.class), rs.getString("title"), issuer,
				units.getOrDefault(issuer, "#" + issuer), recipient, units.getOrDefault(recipient, "#" + recipient),
				post, (post != null) ? posts.getOrDefault(post, "#" + post) : null,
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getInt("current_version"), (closedAt != null) ? closedAt.toInstant() : null,
				rs.getString("closed_by"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				rs.getLong("version"), versions.getOrDefault(id, List.of()));
	}

	/**
	 * A new letter's parts, every rule checked.
	 */
	private record Checked(String title, long issuerUnitId, long recipientUnitId, LocalDate from, LocalDate to,
			List<Target> targets) {
	}

	/**
	 * The units and posts an account holds a post in or holds.
	 */
	private record Held(Set<Long> units, Set<Long> posts) {
	}

}
