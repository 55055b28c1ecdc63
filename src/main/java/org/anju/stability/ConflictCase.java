package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

/**
 * A conflict case (矛盾纠纷) and its lifecycle. It is registered, and its first mediation
 * starts the resolving (化解中); it ends resolved (已化解, with whether the parties confirmed
 * it), kept stable (稳控), or handed over to a named outside body (移交). A stable case can
 * still be mediated, resolved or handed over. A resolved or handed-over case that flares
 * up again is reopened with a new deadline, never registered twice.
 * <p>
 * Each method refuses a step that the state does not allow and records what happened as a
 * {@link Step} for the timeline.
 */
class ConflictCase {

	/** The timeline's name for the step a party's death takes. */
	static final String PARTY_DECEASED = "party-deceased";

	private final long id;

	private final long version;

	private ConflictState state;

	private LocalDate dueDate;

	private @Nullable Instant closedAt;

	private @Nullable Boolean confirmedByParties;

	private @Nullable String summary;

	private @Nullable String handedOverTo;

	private int reopenCount;

	private final List<Step> steps = new ArrayList<>();

	ConflictCase(long id, long version, ConflictState state, LocalDate dueDate, @Nullable Instant closedAt,
			@Nullable Boolean confirmedByParties, @Nullable String summary, @Nullable String handedOverTo,
			int reopenCount) {
		this.id = id;
		this.version = version;
		this.state = state;
		this.dueDate = dueDate;
		this.closedAt = closedAt;
		this.confirmedByParties = confirmedByParties;
		this.summary = summary;
		this.handedOverTo = handedOverTo;
		this.reopenCount = reopenCount;
	}

	void mediate(ConflictAction.Mediate mediation) {
		require(mediation, ConflictState.REGISTERED, ConflictState.RESOLVING, ConflictState.STABILISED);
		ConflictState to = (this.state == ConflictState.REGISTERED) ? ConflictState.RESOLVING : this.state;
		move(mediation.name(), to, null, Map.of("date", mediation.date().toString(), "method", mediation.method()));
	}

	void resolve(ConflictAction.Resolve resolution, Instant now) {
		require(resolution, ConflictState.RESOLVING, ConflictState.STABILISED);
		this.closedAt = now;
		this.confirmedByParties = resolution.confirmedByParties();
		this.summary = resolution.summary();
		move(resolution.name(), ConflictState.RESOLVED, resolution.summary(),
				Map.of("confirmedByParties", resolution.confirmedByParties()));
	}

	void stabilise(ConflictAction.Stabilise stabilising) {
		require(stabilising, ConflictState.RESOLVING);
		this.summary = stabilising.summary();
		move(stabilising.name(), ConflictState.STABILISED, stabilising.summary(), Map.of());
	}

	void handOver(ConflictAction.HandOver handing, Instant now) {
		require(handing, ConflictState.REGISTERED, ConflictState.RESOLVING, ConflictState.STABILISED);
		this.closedAt = now;
		this.handedOverTo = handing.body();
		this.summary = handing.summary();
		move(handing.name(), ConflictState.HANDED_OVER, handing.summary(), Map.of("body", handing.body()));
	}

	/**
	 * @param newDueDate the deadline counted afresh from the day it flared up
	 */
	void reopen(ConflictAction.Reopen reopening, LocalDate newDueDate) {
		require(reopening, ConflictState.RESOLVED, ConflictState.HANDED_OVER);
		this.reopenCount++;
		this.closedAt = null;
		this.confirmedByParties = null;
		this.dueDate = newDueDate;
		move(reopening.name(), ConflictState.RESOLVING, reopening.reason(),
				Map.of("reopenCount", this.reopenCount, "dueDate", newDueDate.toString()));
	}

	/**
	 * A party died. When they were the only party, nobody is left to resolve the case
	 * with: it ends resolved, not confirmed by the parties, with a summary saying why.
	 * When others remain, the case stays where it is and the step flags it for whoever
	 * holds it, to check the parties and reassign the work.
	 * @param soleParty whether the person was the case's only party, person or group
	 */
	void partyDeceased(long personId, LocalDate diedOn, boolean soleParty, Instant now) {
		Map<String, Object> detail = Map.of("personId", personId, "diedOn", diedOn.toString(), "reassign", !soleParty);
		if (soleParty) {
			String note = "唯一当事人已于 " + diedOn + " 去世，案件随之办结。";
			this.closedAt = now;
			this.confirmedByParties = null;
			this.summary = note;
			move(PARTY_DECEASED, ConflictState.RESOLVED, note, detail);
		}
		else {
			move(PARTY_DECEASED, this.state, "当事人（人员 #" + personId + "）已于 " + diedOn + " 去世，请核实其余当事人并重新安排化解。", detail);
		}
	}

	private void require(ConflictAction action, ConflictState... allowed) {
		if (!Set.of(allowed).contains(this.state)) {
			throw new Refused("conflict.action.notNow", action.name(), this.state.name());
		}
	}

	private void move(String action, ConflictState to, @Nullable String note, Map<String, Object> detail) {
		this.steps.add(new Step(action, this.state, to, note, detail));
		this.state = to;
	}

	long id() {
		return this.id;
	}

	long version() {
		return this.version;
	}

	ConflictState state() {
		return this.state;
	}

	LocalDate dueDate() {
		return this.dueDate;
	}

	@Nullable Instant closedAt() {
		return this.closedAt;
	}

	@Nullable Boolean confirmedByParties() {
		return this.confirmedByParties;
	}

	@Nullable String summary() {
		return this.summary;
	}

	@Nullable String handedOverTo() {
		return this.handedOverTo;
	}

	int reopenCount() {
		return this.reopenCount;
	}

	/**
	 * @return the steps taken since the case was loaded, oldest first
	 */
	List<Step> steps() {
		return List.copyOf(this.steps);
	}

	/**
	 * One step for the timeline.
	 */
	record Step(String action, @Nullable ConflictState from, ConflictState to, @Nullable String note,
			Map<String, Object> detail) {
	}

}
