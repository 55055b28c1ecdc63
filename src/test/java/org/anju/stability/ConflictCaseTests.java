package org.anju.stability;

import java.time.Instant;
import java.time.LocalDate;

import org.anju.shared.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lifecycle of a conflict case: registered, mediated into resolving, and closed as
 * resolved, kept stable or handed over; a flare-up reopens it.
 */
class ConflictCaseTests {

	static final LocalDate DUE = LocalDate.of(2026, 12, 4);

	static final Instant NOW = Instant.parse("2026-11-26T06:00:00Z");

	static final ConflictAction.Mediate MEDIATION = new ConflictAction.Mediate(LocalDate.of(2026, 11, 25), "面谈",
			"张三、李四、调解员", "物业退还多收的费用", "双方接受");

	@Test
	void theFirstMediationStartsTheResolvingAndLaterOnesKeepIt() {
		ConflictCase case_ = registered();

		case_.mediate(MEDIATION);
		case_.mediate(MEDIATION);

		assertThat(case_.state()).isEqualTo(ConflictState.RESOLVING);
		assertThat(case_.steps()).extracting(ConflictCase.Step::to)
			.containsExactly(ConflictState.RESOLVING, ConflictState.RESOLVING);
		assertThat(case_.steps().get(0).from()).isEqualTo(ConflictState.REGISTERED);
	}

	@Test
	void aCaseIsResolvedOnlyAfterMediationAndRecordsWhetherThePartiesConfirmed() {
		ConflictCase case_ = registered();
		assertThatThrownBy(() -> case_.resolve(new ConflictAction.Resolve(true, "已化解"), NOW))
			.isInstanceOf(Refused.class);

		case_.mediate(MEDIATION);
		case_.resolve(new ConflictAction.Resolve(false, "当事人未签字确认"), NOW);

		assertThat(case_.state()).isEqualTo(ConflictState.RESOLVED);
		assertThat(case_.confirmedByParties()).isFalse();
		assertThat(case_.closedAt()).isEqualTo(NOW);
		assertThat(case_.state().open()).isFalse();
	}

	@Test
	void aStableCaseCanStillBeMediatedAndResolved() {
		ConflictCase case_ = registered();
		case_.mediate(MEDIATION);
		case_.stabilise(new ConflictAction.Stabilise("已稳控，继续做工作"));
		case_.mediate(MEDIATION);

		assertThat(case_.state()).isEqualTo(ConflictState.STABILISED);
		case_.resolve(new ConflictAction.Resolve(true, "化解"), NOW);
		assertThat(case_.state()).isEqualTo(ConflictState.RESOLVED);
	}

	@Test
	void aRegisteredCaseCannotBeStabilisedWithoutMediation() {
		assertThatThrownBy(() -> registered().stabilise(new ConflictAction.Stabilise("-"))).isInstanceOf(Refused.class);
	}

	@Test
	void aHandedOverCaseNamesTheBodyAndTakesNoMoreMediation() {
		ConflictCase case_ = registered();
		case_.handOver(new ConflictAction.HandOver("街道人民调解委员会", "超出社区职权"), NOW);

		assertThat(case_.state()).isEqualTo(ConflictState.HANDED_OVER);
		assertThat(case_.handedOverTo()).isEqualTo("街道人民调解委员会");
		assertThatThrownBy(() -> case_.mediate(MEDIATION)).isInstanceOf(Refused.class);
	}

	@Test
	void aResolvedCaseThatFlaresUpIsReopenedWithANewDeadline() {
		ConflictCase case_ = registered();
		case_.mediate(MEDIATION);
		case_.resolve(new ConflictAction.Resolve(true, "化解"), NOW);
		LocalDate newDue = DUE.plusDays(30);

		case_.reopen(new ConflictAction.Reopen("又因物业费争吵"), newDue);

		assertThat(case_.state()).isEqualTo(ConflictState.RESOLVING);
		assertThat(case_.reopenCount()).isEqualTo(1);
		assertThat(case_.dueDate()).isEqualTo(newDue);
		assertThat(case_.closedAt()).isNull();
		assertThat(case_.confirmedByParties()).isNull();
	}

	@Test
	void anOpenCaseIsNotReopened() {
		ConflictCase case_ = registered();
		case_.mediate(MEDIATION);

		assertThatThrownBy(() -> case_.reopen(new ConflictAction.Reopen("-"), DUE)).isInstanceOf(Refused.class)
			.hasMessage("conflict.action.notNow");
	}

	private static ConflictCase registered() {
		return new ConflictCase(1, 0, ConflictState.REGISTERED, DUE, null, null, null, null, 0);
	}

}
