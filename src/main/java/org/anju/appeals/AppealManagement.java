package org.anju.appeals;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.annotation.PreDestroy;
import org.anju.identity.OutOfReach;
import org.anju.audit.AuditTrail;
import org.anju.calendar.WorkingCalendar;
import org.anju.identity.CurrentUser;
import org.anju.identity.IdempotencyClaim;
import org.anju.identity.IdempotencyClaims;
import org.anju.identity.Permission;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.messaging.TextMessages;
import org.anju.organisation.Department;
import org.anju.organisation.Departments;
import org.anju.people.Person;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.PersonName;
import org.anju.shared.Refused;
import org.anju.shared.Phone;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes appeals in and moves them through the loop. Intake routes an appeal by its
 * category and place, sets its clocks from the working-day calendar, and marks its
 * warning signs; every action checks the caller's role and reach, the appeal's state and
 * version, and writes its timeline entry, its audit row and its event in one transaction.
 */
@Service
@Transactional
public class AppealManagement {

	/**
	 * How far back staff may date an appeal's receipt, for letters and visits entered
	 * later.
	 */
	public static final Duration BACKDATE_LIMIT = Duration.ofDays(30);

	/**
	 * The most intakes one transaction writes: enough for every request thread that a
	 * busy node runs at once.
	 */
	private static final int MAX_INTAKES_PER_TRANSACTION = 64;

	private final JdbcClient jdbc;

	private final Appeals appeals;

	private final AppealCategories categories;

	private final Routing routing;

	private final WorkingCalendar calendar;

	private final PersonManagement people;

	private final PlaceManagement places;

	private final Departments departments;

	private final UserManagement users;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TextMessages messages;

	private final OutOfReach reach;

	/** Reads what an intake needs, in a transaction that ends before it is written. */
	private final TransactionTemplate reading;

	private final IdempotencyClaims claims;

	/** Writes intakes of every request, many to a transaction. */
	private final WriteBatches<Draft, Taken> intakes;

	AppealManagement(JdbcClient jdbc, Appeals appeals, AppealCategories categories, Routing routing,
			WorkingCalendar calendar, PersonManagement people, PlaceManagement places, Departments departments,
			UserManagement users, AuditTrail audit, ApplicationEventPublisher events, Clock clock,
			TextMessages messages, OutOfReach reach, PlatformTransactionManager transactions,
			IdempotencyClaims claims) {
		this.claims = claims;
		this.reach = reach;
		this.jdbc = jdbc;
		this.appeals = appeals;
		this.categories = categories;
		this.routing = routing;
		this.calendar = calendar;
		this.people = people;
		this.places = places;
		this.departments = departments;
		this.users = users;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.messages = messages;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.intakes = new WriteBatches<>("appeal-intake", new TransactionTemplate(transactions), new IntakeWriter(),
				MAX_INTAKES_PER_TRANSACTION);
	}

	@PreDestroy
	void stop() {
		this.intakes.stop();
	}

	/**
	 * Takes an appeal in.
	 * @throws InvalidInput listing every field that breaks a rule
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public AppealView submit(CurrentUser user, NewAppeal intake) {
		if (!user.may(Permission.APPEALS_INTAKE)) {
			throw new AccessDeniedException("needs APPEALS_INTAKE");
		}
		return intake(user.community(), user.actor(), user, intake, Source.STAFF)
			.view(AppealReach.hidesComplainant(user));
	}

	/**
	 * Takes in an appeal that a resident brings through the portal: channel
	 * {@link Channel#WEB}, from the resident's own person, about the room they live in.
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws AccessDeniedException unless the caller is a resident with a person
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public AppealView submitAsResident(CurrentUser resident, ResidentAppeal appeal) {
		if (resident.role() != Role.RESIDENT || resident.personId() == null) {
			throw new AccessDeniedException("only a resident submits through the portal");
		}
		NewAppeal intake = new NewAppeal(resident.personId(), null, null, List.of(), appeal.categoryCode(), Channel.WEB,
				appeal.title(), appeal.description(), null, null, false, false, null);
		return intake(resident.community(), resident.actor(), resident, intake, Source.RESIDENT)
			.view(AppealReach.hidesComplainant(resident));
	}

	/**
	 * Takes in an appeal that an outside system sends on a resident's behalf, such as an
	 * Open311 client: the same validation, routing, clocks, warning signs, text message,
	 * timeline and audit as staff intake, with no staff account behind it. The caller
	 * decides who may send and keeps its own record of which appeals that sender may see;
	 * this method checks neither.
	 * @param actor who sent it, as the timeline shows it, e.g. {@code open311:12345热线}
	 * @param intake an unregistered caller's appeal on channel {@link Channel#OPEN311}:
	 * outside systems do not name registered people or places
	 * @return the appeal without its timeline
	 * @throws InvalidInput listing every field that breaks a rule
	 * @throws IllegalArgumentException when the intake names a person, place or co-signer
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public AppealView submitFromOutside(CommunityId community, String actor, NewAppeal intake) {
		if (intake.personId() != null || intake.placeId() != null || !intake.coSignerIds().isEmpty()) {
			throw new IllegalArgumentException("outside intake names no registered person or place");
		}
		return intake(community, actor, null, intake, Source.OUTSIDE).row().view(false, List.of());
	}

	/**
	 * The appeals with these ids, for an outside system that keeps its own record of
	 * which appeals its sender may see; nothing here checks a caller's reach.
	 * @return the appeals found, without timelines, in no particular order; never
	 * {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<AppealView> findForOutside(CommunityId community, Collection<Long> ids) {
		return this.appeals.findAll(community, ids).stream().map((row) -> row.view(false, List.of())).toList();
	}

	/**
	 * Writes an appeal from a community's past ledger as the ledger has it: its number,
	 * state, time of receipt and outcome kept, its clocks counted from receipt on the
	 * working-day calendar, and its timeline started with {@code imported}. Nothing is
	 * routed, texted or published, and the caller audits the import as a whole: this is
	 * history, not intake.
	 * @param past an appeal whose category, department and person the caller looked up,
	 * and whose number, if it names one, is free
	 * @return the new appeal's id
	 * @throws AccessDeniedException unless the caller dispatches appeals
	 */
	public long recordPast(CurrentUser user, PastAppeal past) {
		if (!user.may(Permission.APPEALS_DISPATCH)) {
			throw new AccessDeniedException("needs APPEALS_DISPATCH");
		}
		Appeal.Clocks clocks = clocks(past.category(), past.receivedAt());
		Person person = past.person();
		Instant resolvedAt = past.resolvedAt();
		Set<AppealFlag> flags = EnumSet.noneOf(AppealFlag.class);
		flags.addAll(past.flags());
		if (past.channel() == Channel.REFERRAL) {
			flags.add(AppealFlag.ESCALATED);
		}
		long id = this.appeals.newIds(1).get(0);
		this.appeals.insert(user.community(), List.of(new Appeals.Insert(id,
				new Appeals.NewRow(past.number(), past.state(), past.channel(), past.category().code(), person,
						past.callerName(), past.callerPhone(), List.of(), past.title(), past.description(), null,
						(person != null) ? person.areaId() : null, (person != null) ? person.gridId() : null,
						past.peopleCount(), flags, null, past.departmentCode(), null, 0, past.receivedAt(), clocks,
						resolvedAt, past.reply(), (resolvedAt != null) ? !resolvedAt.isAfter(clocks.dueAt()) : null,
						past.satisfaction(), (past.state() == AppealState.CLOSED) ? resolvedAt : null, user.username()),
				List.of(new Appeals.Entry(user.username(),
						new Appeal.Step("imported", null, past.state(), null, past.source()))))));
		return id;
	}

	/**
	 * Where an appeal comes from decides its channel and what it may name: staff name
	 * people and places within their reach; a resident names only themselves and their
	 * room; an outside system names neither.
	 */
	private enum Source {

		STAFF, RESIDENT, OUTSIDE

	}

	/**
	 * Takes an appeal in: what it needs read is read at once, in a short transaction of
	 * its own; it is written with other requests' intakes in the transactions of
	 * {@link #intakes}, so that they share a commit and the numbers' lock is held for one
	 * transaction at a time. Within a caller's transaction (a portal upload, an Open311
	 * request, a care visit) it is read and written there, and commits with what the
	 * caller writes.
	 * @param user who takes it in; {@literal null} for an outside system
	 * @return the new appeal as written
	 */
	private Taken intake(CommunityId community, String actor, @Nullable CurrentUser user, NewAppeal intake,
			Source source) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return write(List.of(draft(community, actor, user, intake, source, null))).get(0);
		}
		IdempotencyClaim claim = this.claims.current().orElse(null);
		Draft draft = Objects
			.requireNonNull(this.reading.execute((status) -> draft(community, actor, user, intake, source, claim)));
		return this.intakes.write(draft);
	}

	/**
	 * Checks an intake and works out everything about it that is read, not written: its
	 * warning signs, its route, its clocks and where its receipt goes.
	 */
	private Draft draft(CommunityId community, String actor, @Nullable CurrentUser user, NewAppeal intake,
			Source source, @Nullable IdempotencyClaim claim) {
		Instant now = this.clock.instant();
		Intake valid = validate(community, user, intake, now, source);
		AppealCategory category = valid.category();
		Set<AppealFlag> flags = EnumSet.noneOf(AppealFlag.class);
		if (intake.escalated() || valid.channel() == Channel.REFERRAL) {
			flags.add(AppealFlag.ESCALATED);
		}
		if (!valid.coSigners().isEmpty()) {
			flags.add(AppealFlag.JOINT);
		}
		if (intake.confidential()) {
			flags.add(AppealFlag.CONFIDENTIAL);
		}
		int peopleCount = Math.max(valid.peopleCount(), 1 + valid.coSigners().size());
		if (peopleCount >= 5 || collectiveByGroup(community, valid, category.code(), now)) {
			flags.add(AppealFlag.COLLECTIVE);
		}
		Long repeatOf = repeatOf(community, valid, category.code(), now);
		if (repeatOf != null) {
			flags.add(AppealFlag.REPEAT);
		}
		Person person = valid.person();
		return new Draft(community, actor, OnBehalf.current(), valid, flags, peopleCount, repeatOf,
				this.routing.route(community, category, valid.areaId(), valid.gridId()),
				clocks(category, valid.receivedAt()),
				mobile(community, (person != null) ? person.id() : null, valid.callerPhone()).orElse(null),
				valid.coSigners().stream().sorted().toList(), claim);
	}

	/**
	 * An intake checked and worked out, waiting to be written.
	 *
	 * @param onBehalf who took it in, for the audit trail of the thread that writes it
	 * @param receiptTo the mobile that gets the receipt, if there is one
	 * @param claim the request's idempotency key, claimed in the transaction that writes
	 * the appeal
	 */
	private record Draft(CommunityId community, String actor, OnBehalf onBehalf, Intake valid, Set<AppealFlag> flags,
			int peopleCount, @Nullable Long repeatOf, Route route, Appeal.Clocks clocks, @Nullable Phone receiptTo,
			List<Long> coSigners, @Nullable IdempotencyClaim claim) {

		/**
		 * The new appeal's version: routing's assignment at intake is its first step.
		 */
		long version() {
			return this.route.dispatch() ? 0 : 1;
		}

	}

	/**
	 * Writes the intakes of many requests in one transaction with their idempotency keys,
	 * and records the requests' answers before it commits.
	 */
	private final class IntakeWriter implements WriteBatches.Writer<Draft, Taken> {

		@Override
		public List<Taken> write(List<Draft> drafts) {
			List<IdempotencyClaim> keys = keys(drafts);
			AppealManagement.this.claims.claim(keys);
			List<Taken> taken = AppealManagement.this.write(drafts);
			AppealManagement.this.claims.written(keys);
			return taken;
		}

		@Override
		public void beforeCommit(List<Draft> drafts) {
			AppealManagement.this.claims.recordAnswers(keys(drafts));
		}

		@Override
		public void afterCompletion(List<Draft> drafts, boolean committed) {
			AppealManagement.this.claims.completed(keys(drafts), committed);
		}

		@Override
		public boolean waitsForCommit(Draft draft) {
			return draft.claim() == null;
		}

		private static List<IdempotencyClaim> keys(List<Draft> drafts) {
			return drafts.stream().map(Draft::claim).filter(Objects::nonNull).toList();
		}

	}

	/**
	 * Writes intakes in the current transaction, each community's together.
	 * @return the new appeals in the drafts' order
	 */
	private List<Taken> write(List<Draft> drafts) {
		Map<Draft, Taken> taken = new IdentityHashMap<>();
		drafts.stream()
			.collect(Collectors.groupingBy(Draft::community, LinkedHashMap::new, Collectors.toList()))
			.forEach((community, ofCommunity) -> {
				List<Taken> written = write(community, ofCommunity);
				for (int i = 0; i < ofCommunity.size(); i++) {
					taken.put(ofCommunity.get(i), written.get(i));
				}
			});
		return drafts.stream().map(taken::get).toList();
	}

	/**
	 * Writes one community's intakes: routing's assignments and the event of each, the
	 * receipts' turns, then the appeals, numbered, then what needs a number. From the
	 * numbers until the commit every other intake of the community waits for them, so
	 * what follows only writes, and the answers are built from what was written instead
	 * of read back.
	 */
	private List<Taken> write(CommunityId community, List<Draft> drafts) {
		List<Long> ids = this.appeals.newIds(drafts.size());
		List<Appeal> routed = new ArrayList<>();
		List<Appeals.Insert> inserts = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			Draft draft = drafts.get(i);
			Intake valid = draft.valid();
			long id = ids.get(i);
			Appeal appeal = new Appeal(id, "", AppealState.RECEIVED, valid.category().code(), draft.flags(), null, null,
					draft.clocks().dueAt(), draft.clocks().warnAt(), null, null, null, null, null, null, null, null,
					null, 0, 0);
			AppealChanged routing = null;
			if (!draft.route().dispatch()) {
				appeal.assign(draft.route().departmentCode(), draft.route().assigneeUserId(), null);
				routing = new AppealChanged(community, id, "assign", appeal.state(), appeal.departmentCode(),
						appeal.assigneeId(), draft.version());
			}
			routed.add(appeal);
			AppealSubmitted submitted = new AppealSubmitted(community, id,
					(valid.person() != null) ? valid.person().id() : null, valid.category().code(), draft.flags(),
					valid.receivedAt(), routing);
			draft.onBehalf().run(() -> this.events.publishEvent(submitted));
			List<Appeals.Entry> steps = new ArrayList<>();
			steps.add(new Appeals.Entry(draft.actor(),
					new Appeal.Step("receive", null, AppealState.RECEIVED, null,
							Map.of("channel", valid.channel().name(), "categoryCode", valid.category().code(), "flags",
									draft.flags().stream().map(Enum::name).sorted().toList()))));
			appeal.steps().forEach((step) -> steps.add(new Appeals.Entry("routing", step)));
			inserts.add(new Appeals.Insert(id, new Appeals.NewRow(null, appeal.state(), valid.channel(),
					valid.category().code(), valid.person(), valid.callerName(), valid.callerPhone(), draft.coSigners(),
					valid.title(), valid.description(), valid.placeId(), valid.areaId(), valid.gridId(),
					draft.peopleCount(), draft.flags(), draft.repeatOf(), appeal.departmentCode(), appeal.assigneeId(),
					draft.version(), valid.receivedAt(), draft.clocks(), null, null, null, null, null, draft.actor()),
					steps));
		}
		// The receipts' limits are applied before the numbers, the phones' turns taken in
		// the order of the phones, so that two writers cannot wait for each other's
		// turns.
		Map<Integer, TextMessages.Outgoing> receipts = new HashMap<>();
		IntStream.range(0, drafts.size())
			.filter((i) -> drafts.get(i).receiptTo() != null)
			.boxed()
			.sorted(Comparator.comparing((Integer i) -> Objects.requireNonNull(drafts.get(i).receiptTo()).value()))
			.forEach((i) -> receipts.put(i, this.messages.prepare(community,
					Objects.requireNonNull(drafts.get(i).receiptTo()), "APPEAL_RECEIVED")));
		List<Appeals.Inserted> inserted = this.appeals.insert(community, inserts);
		List<Taken> taken = new ArrayList<>();
		for (int i = 0; i < drafts.size(); i++) {
			Draft draft = drafts.get(i);
			Intake valid = draft.valid();
			Appeal appeal = routed.get(i);
			Appeals.Inserted written = inserted.get(i);
			long id = written.id();
			String number = written.number();
			TextMessages.Outgoing receipt = receipts.get(i);
			if (receipt != null) {
				receipt.queue(Map.of("number", number, "dueDate", AppealRow.dueDate(draft.clocks().dueAt()).toString()),
						"APPEAL", id + "#0");
			}
			draft.onBehalf()
				.run(() -> this.audit.recordBeforeCommit(community, "APPEAL_RECEIVED", "APPEAL", id, Map.of("number",
						number, "channel", valid.channel().name(), "categoryCode", valid.category().code())));
			Person person = valid.person();
			AppealRow row = new AppealRow(id, number, appeal.state(), valid.channel(), valid.category().code(),
					(person != null) ? person.id() : null, (person != null) ? person.name() : null, valid.callerName(),
					valid.callerPhone(), draft.coSigners(), valid.title(), valid.description(), valid.placeId(),
					valid.areaId(), valid.gridId(), draft.peopleCount(), draft.flags().contains(AppealFlag.ESCALATED),
					draft.flags().contains(AppealFlag.CONFIDENTIAL), draft.flags(), draft.repeatOf(),
					appeal.departmentCode(), appeal.assigneeId(), valid.receivedAt(), draft.clocks().dueAt(),
					draft.clocks().warnAt(), null, null, null, null, null, null, null, null, null, 0, draft.actor(),
					draft.version());
			taken.add(new Taken(row, written.timeline()));
		}
		return taken;
	}

	/**
	 * A new appeal as intake wrote it, with its timeline.
	 */
	private record Taken(AppealRow row, List<AppealView.TimelineEntry> timeline) {

		AppealView view(boolean hideComplainant) {
			return this.row.view(hideComplainant, this.timeline);
		}

	}

	/**
	 * Takes one step on an appeal.
	 * @param expectedVersion the version the caller saw ({@code If-Match})
	 * @throws StaleVersion when the appeal changed since
	 * @throws org.anju.shared.Refused when its state does not allow the step
	 * @throws AccessDeniedException when the caller's role may not take it
	 */
	public AppealView act(CurrentUser user, long id, long expectedVersion, AppealAction action) {
		CommunityId community = user.community();
		AppealRow row = load(user, id);
		if (row.version() != expectedVersion) {
			throw new StaleVersion(row.version());
		}
		authorize(user, row, action);
		Appeal appeal = row.toAppeal();
		Instant now = this.clock.instant();
		AppealCategory category = this.categories.get(community, row.categoryCode());
		apply(community, row, appeal, category, action, now);
		long version = this.appeals.save(community, appeal, user.actor()).version();
		if (action instanceof AppealAction.Resolve resolve) {
			text(community, row, "APPEAL_RESOLVED",
					Map.of("number", row.number(), "reply", shortened(resolve.reply())));
			if (category.callbackRequired()) {
				text(community, row, "CALLBACK_REQUEST", Map.of("number", row.number()));
			}
		}
		this.audit.record(community, "APPEAL_" + action.name().toUpperCase().replace('-', '_'), "APPEAL", id,
				Map.of("number", row.number(), "from", row.state().name(), "to", appeal.state().name()));
		this.events.publishEvent(new AppealChanged(community, id, action.name(), appeal.state(),
				appeal.departmentCode(), appeal.assigneeId(), version));
		return get(user, id);
	}

	/**
	 * @return the appeal with its whole timeline
	 * @throws NotFound when there is no such appeal or it is beyond the caller's reach
	 */
	@Transactional(readOnly = true)
	public AppealView get(CurrentUser user, long id) {
		AppealRow row = load(user, id);
		return row.view(AppealReach.hidesComplainant(user), this.appeals.timeline(user.community(), id));
	}

	/**
	 * The appeal's number and title, for modules that tell staff of its steps, such as
	 * notifications. There is no reach check: the caller decides who hears of it.
	 * @return empty when the community has no such appeal
	 */
	@Transactional(readOnly = true)
	public Optional<AppealHeadline> headline(CommunityId community, long id) {
		return this.appeals.find(community, id).map((row) -> new AppealHeadline(row.id(), row.number(), row.title()));
	}

	/**
	 * The steps the caller could take on the appeal now, as the console offers them: each
	 * is tried on a copy of the appeal, which is never saved, and counts when only its
	 * sample content, not the appeal's state or the caller's role, stood in the way.
	 * @return the actions' API names, such as {@code accept}, in the loop's order
	 * @throws NotFound when there is no such appeal or it is beyond the caller's reach
	 */
	@Transactional(readOnly = true)
	public Set<String> possibleActions(CurrentUser user, long id) {
		AppealRow row = load(user, id);
		AppealCategory category = this.categories.get(user.community(), row.categoryCode());
		Set<String> possible = new LinkedHashSet<>();
		for (AppealAction sample : List.of(new AppealAction.Assign(null, null, null), new AppealAction.Accept(),
				new AppealAction.Return("-"), new AppealAction.Transfer(Routing.DISPATCH_DEPARTMENT, "-"),
				new AppealAction.RequestExtension(1, "-"), new AppealAction.DecideExtension(true, null),
				new AppealAction.Urge("-"), new AppealAction.Note("-"), new AppealAction.Resolve("-"),
				new AppealAction.Callback(Satisfaction.SATISFIED, null), new AppealAction.Close(null),
				new AppealAction.Reopen("-"))) {
			try {
				authorize(user, row, sample);
				apply(user.community(), row, row.toAppeal(), category, sample, this.clock.instant());
				possible.add(sample.name());
			}
			catch (InvalidInput ex) {
				possible.add(sample.name());
			}
			catch (AccessDeniedException | Refused ex) {
				// the role or the state does not allow it
			}
		}
		return possible;
	}

	private AppealRow load(CurrentUser user, long id) {
		AppealRow row = this.appeals.find(user.community(), id).orElseThrow(() -> new NotFound("appeal", id));
		this.reach.require(user, AppealReach.sees(user, row), "APPEAL", "appeal", id);
		return row;
	}

	private void apply(CommunityId community, AppealRow row, Appeal appeal, AppealCategory category,
			AppealAction action, Instant now) {
		if (action instanceof AppealAction.Assign assign) {
			appeal.assign(department(community, assign.departmentCode()), assignee(community, assign.assigneeId()),
					assign.note());
		}
		else if (action instanceof AppealAction.Accept) {
			appeal.accept();
		}
		else if (action instanceof AppealAction.Return back) {
			appeal.returnToDispatch(back.reason());
		}
		else if (action instanceof AppealAction.Transfer transfer) {
			appeal.transfer(required(department(community, transfer.departmentCode()), "departmentCode"),
					transfer.reason());
		}
		else if (action instanceof AppealAction.RequestExtension request) {
			appeal.requestExtension(request.workingDays(), request.reason());
		}
		else if (action instanceof AppealAction.DecideExtension decision) {
			int days = Optional.ofNullable(appeal.pendingExtension()).orElse(0);
			LocalDate dueDay = appeal.dueAt().atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1);
			Instant extended = this.calendar.addWorkingDays(dueDay, days)
				.plusDays(1)
				.atStartOfDay(WorkingCalendar.ZONE)
				.toInstant();
			appeal.decideExtension(decision.approve(), decision.reason(), extended,
					this.calendar.warningAt(row.receivedAt(), extended, category.warningPercent()));
		}
		else if (action instanceof AppealAction.Urge urge) {
			appeal.urge(urge.note());
		}
		else if (action instanceof AppealAction.Note note) {
			appeal.note(note.text());
		}
		else if (action instanceof AppealAction.Resolve resolve) {
			appeal.resolve(resolve.reply(), now);
		}
		else if (action instanceof AppealAction.Callback callback) {
			appeal.callback(callback.satisfaction(), callback.comment(), now, clocks(category, now));
		}
		else if (action instanceof AppealAction.Close close) {
			appeal.close(close.note(), now);
		}
		else if (action instanceof AppealAction.Reopen reopen) {
			appeal.reopen(reopen.reason(), clocks(category, now));
		}
	}

	/**
	 * Dispatchers assign, transfer and call back; leaders urge and decide on extensions;
	 * the handling department or person accepts, returns, asks for time and resolves. A
	 * resident rates their own resolved appeal, and does nothing else.
	 */
	private static void authorize(CurrentUser user, AppealRow row, AppealAction action) {
		boolean allowed;
		if (user.role() == Role.RESIDENT) {
			allowed = action instanceof AppealAction.Callback && AppealReach.sees(user, row);
		}
		else if (action instanceof AppealAction.Assign || action instanceof AppealAction.Transfer
				|| action instanceof AppealAction.Callback || action instanceof AppealAction.Close
				|| action instanceof AppealAction.Reopen) {
			allowed = AppealReach.dispatches(user);
		}
		else if (action instanceof AppealAction.Urge || action instanceof AppealAction.DecideExtension) {
			allowed = user.may(Permission.APPEALS_SUPERVISE);
		}
		else if (action instanceof AppealAction.Note) {
			allowed = user.may(Permission.APPEALS_HANDLE) || AppealReach.dispatches(user)
					|| user.may(Permission.APPEALS_SUPERVISE);
		}
		else {
			allowed = handler(user, row);
		}
		if (!allowed) {
			throw new AccessDeniedException("may not " + action.name() + " this appeal");
		}
	}

	private static boolean handler(CurrentUser user, AppealRow row) {
		return AppealReach.dispatches(user) || (user.may(Permission.APPEALS_HANDLE) && AppealReach.handles(user, row));
	}

	/**
	 * Texts the appellant, if they have a mobile: many retirees never open a portal. Each
	 * round of an appeal (it starts again when reopened) is its own related item, so that
	 * the outbox's one-per-item rule does not swallow the reply to a reopened appeal.
	 */
	private void text(CommunityId community, AppealRow appeal, String template, Map<String, String> values) {
		mobile(community, appeal.personId(), appeal.callerPhone()).ifPresent((phone) -> this.messages.send(community,
				phone, template, values, "APPEAL", appeal.id() + "#" + appeal.reopenCount()));
	}

	/**
	 * Where an appeal's text messages go: the registered person's mobile, or the caller's
	 * if it is one.
	 */
	private Optional<Phone> mobile(CommunityId community, @Nullable Long personId, @Nullable String callerPhone) {
		return (personId != null) ? this.people.mobileForMessages(community, personId)
				: Optional.ofNullable(callerPhone).map(Phone::parse).filter(Phone::isMobile);
	}

	private static String shortened(String reply) {
		String clean = reply.strip();
		return (clean.length() <= 200) ? clean : clean.substring(0, 199) + "…";
	}

	/**
	 * The clocks of the category's time limit, counted from receipt or from a restart.
	 */
	private Appeal.Clocks clocks(AppealCategory category, Instant from) {
		Instant due = this.calendar.dueAt(from, category.limitDays());
		return new Appeal.Clocks(due, this.calendar.warningAt(from, due, category.warningPercent()));
	}

	private @Nullable String department(CommunityId community, @Nullable String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return this.departments.find(community, code.strip())
			.map(Department::code)
			.orElseThrow(() -> new InvalidInput("departmentCode", "appeal.department.unknown", code));
	}

	private @Nullable Long assignee(CommunityId community, @Nullable Long assigneeId) {
		if (assigneeId == null) {
			return null;
		}
		try {
			return this.users.get(community, assigneeId).id();
		}
		catch (NotFound ex) {
			throw new InvalidInput("assigneeId", "appeal.assignee.unknown", assigneeId);
		}
	}

	private static String required(@Nullable String value, String field) {
		if (value == null) {
			throw new InvalidInput(field, "field.required");
		}
		return value;
	}

	/**
	 * 集体访 by group: five or more appeals, this one included, within seven days from
	 * people of one interest group on one category.
	 */
	private boolean collectiveByGroup(CommunityId community, Intake intake, String category, Instant now) {
		if (intake.person() == null || intake.person().groups().isEmpty()) {
			return false;
		}
		String[] groups = intake.person().groups().stream().map(Person.GroupRef::code).toArray(String[]::new);
		List<Integer> counts = this.jdbc.sql("""
				select count(*)::int from appeal, unnest(person_groups) as g
				where community_id = :c and category_code = :category and received_at >= :since
				  and person_groups && cast(:groups as text[]) and g = any(cast(:groups as text[]))
				group by g
				""")
			.param("c", community.value())
			.param("category", category)
			.param("since", Timestamp.from(now.minus(Duration.ofDays(7))))
			.param("groups", groups)
			.query(Integer.class)
			.list();
		return counts.stream().anyMatch((count) -> count + 1 >= 5);
	}

	/**
	 * 重复访: the same person on the same category within 90 days, or an open appeal of
	 * theirs on a similar text.
	 * @return the earlier appeal it repeats
	 */
	private @Nullable Long repeatOf(CommunityId community, Intake intake, String category, Instant now) {
		if (intake.person() == null) {
			return null;
		}
		return this.jdbc.sql("""
				select id from appeal
				where community_id = :c and person_id = :person
				  and ((category_code = :category and received_at >= :since)
				       or (state in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS')
				           and similarity(title || ' ' || description, :text) > 0.4))
				order by received_at desc limit 1
				""")
			.param("c", community.value())
			.param("person", intake.person().id())
			.param("category", category)
			.param("since", Timestamp.from(now.minus(Duration.ofDays(90))))
			.param("text", intake.title() + " " + intake.description())
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private Intake validate(CommunityId community, @Nullable CurrentUser user, NewAppeal intake, Instant now,
			Source source) {
		List<Violation> problems = new ArrayList<>();
		Person person = null;
		String callerName = null;
		String callerPhone = null;
		if (intake.personId() != null && user != null) {
			try {
				person = this.people.get(user, intake.personId());
			}
			catch (NotFound ex) {
				problems.add(new Violation("personId", "appeal.person.unknown", intake.personId()));
			}
		}
		else if (intake.callerName() != null && !intake.callerName().isBlank()) {
			try {
				callerName = PersonName.parse(intake.callerName()).value();
			}
			catch (InvalidInput ex) {
				problems.add(new Violation("caller.name", "name.length"));
			}
			if (intake.callerPhone() != null && !intake.callerPhone().isBlank()) {
				try {
					callerPhone = Phone.parse(intake.callerPhone()).value();
				}
				catch (InvalidInput ex) {
					problems.add(new Violation("caller.phone", "phone.format", intake.callerPhone()));
				}
			}
		}
		else {
			problems.add(new Violation("personId", "appeal.who.required"));
		}
		AppealCategory category = null;
		if (intake.categoryCode() == null || intake.categoryCode().isBlank()) {
			problems.add(new Violation("categoryCode", "field.required"));
		}
		else {
			category = this.categories.find(community, intake.categoryCode().strip())
				.filter(AppealCategory::active)
				.orElse(null);
			if (category == null) {
				problems.add(new Violation("categoryCode", "appeal.category.unknown", intake.categoryCode()));
			}
		}
		Channel channel = intake.channel();
		if (channel == null) {
			problems.add(new Violation("channel", "field.required"));
		}
		else if (!allowed(source, channel)) {
			problems.add(new Violation("channel", "appeal.channel.notStaff", channel.name()));
		}
		String title = text(problems, intake.title(), "title", 100);
		String description = text(problems, intake.description(), "description", 5000);
		Long placeId = (source == Source.RESIDENT && person != null) ? person.roomId() : intake.placeId();
		Long areaId = (person != null) ? person.areaId() : null;
		Long gridId = (person != null) ? person.gridId() : null;
		if (placeId != null && source == Source.STAFF && user != null) {
			try {
				Place place = this.places.get(user, placeId);
				areaId = place.areaId();
				gridId = place.gridId();
			}
			catch (NotFound ex) {
				problems.add(new Violation("placeId", "appeal.place.unknown", placeId));
			}
		}
		int peopleCount = (intake.peopleCount() != null) ? intake.peopleCount() : 1;
		if (peopleCount < 1 || peopleCount > 100_000) {
			problems.add(new Violation("peopleCount", "appeal.peopleCount.range"));
		}
		// as PostgreSQL keeps it, so that the answer built from it shows what was stored
		Instant receivedAt = ((intake.receivedAt() != null) ? intake.receivedAt() : now).truncatedTo(ChronoUnit.MICROS);
		if (receivedAt.isAfter(now.plusSeconds(60)) || receivedAt.isBefore(now.minus(BACKDATE_LIMIT))) {
			problems.add(new Violation("receivedAt", "appeal.receivedAt.range", BACKDATE_LIMIT.toDays()));
		}
		Set<Long> coSigners = new LinkedHashSet<>();
		for (Long coSigner : intake.coSignerIds()) {
			if (coSigner == null || (person != null && coSigner == person.id())) {
				problems.add(new Violation("coSignerIds", "appeal.coSigner.self"));
				continue;
			}
			try {
				coSigners.add(this.people.get(Objects.requireNonNull(user), coSigner).id());
			}
			catch (NotFound ex) {
				problems.add(new Violation("coSignerIds", "appeal.person.unknown", coSigner));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return new Intake(person, callerName, callerPhone, Objects.requireNonNull(category),
				Objects.requireNonNull(channel), title, description, placeId, areaId, gridId, peopleCount, receivedAt,
				List.copyOf(coSigners));
	}

	private static boolean allowed(Source source, Channel channel) {
		return switch (source) {
			case STAFF -> channel != Channel.OPEN311 && channel != Channel.WEB;
			case RESIDENT -> channel == Channel.WEB;
			case OUTSIDE -> channel == Channel.OPEN311;
		};
	}

	private static String text(List<Violation> problems, @Nullable String value, String field, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new Violation(field, "field.required"));
			return "";
		}
		String clean = value.strip();
		if (clean.length() > max) {
			problems.add(new Violation(field, "appeal.text.length", max));
		}
		return clean;
	}

	private record Intake(@Nullable Person person, @Nullable String callerName, @Nullable String callerPhone,
			AppealCategory category, Channel channel, String title, String description, @Nullable Long placeId,
			@Nullable Long areaId, @Nullable Long gridId, int peopleCount, Instant receivedAt, List<Long> coSigners) {
	}

}
