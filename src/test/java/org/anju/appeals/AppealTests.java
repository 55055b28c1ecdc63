package org.anju.appeals;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loop as the aggregate keeps it, without a database: which step each state allows,
 * and what each step leaves behind.
 */
class AppealTests {

	private static final Instant RECEIVED = Instant.parse("2026-09-30T02:00:00Z");

	private static final Instant DUE = Instant.parse("2026-10-13T16:00:00Z");

	private static final Instant WARN = Instant.parse("2026-10-12T04:00:00Z");

	private static Appeal received() {
		return new Appeal(1, "2026-000001", AppealState.RECEIVED, "PROPERTY_REPAIR", Set.of(), null, null, DUE, WARN,
				null, null, null, null, null, null, null, null, null, 0, 0);
	}

	private static Appeal inProgress() {
		Appeal appeal = received();
		appeal.assign("PROPERTY", null, null);
		appeal.accept();
		return appeal;
	}

	private static Appeal resolved() {
		Appeal appeal = inProgress();
		appeal.resolve("已更换水管", RECEIVED.plus(Duration.ofDays(2)));
		return appeal;
	}

	@Test
	void aReceivedAppealIsAssignedThenAcceptedThenResolvedOnTime() {
		Appeal appeal = inProgress();
		appeal.resolve("已更换水管", RECEIVED.plus(Duration.ofDays(2)));

		assertThat(appeal.state()).isEqualTo(AppealState.RESOLVED);
		assertThat(appeal.resolvedOnTime()).isTrue();
		assertThat(appeal.steps()).extracting(Appeal.Step::action).containsExactly("assign", "accept", "resolve");
		assertThat(appeal.steps()).extracting(Appeal.Step::to)
			.containsExactly(AppealState.ASSIGNED, AppealState.IN_PROGRESS, AppealState.RESOLVED);
	}

	@Test
	void aResolutionAfterTheDueTimeIsLate() {
		Appeal appeal = inProgress();
		appeal.resolve("迟了", DUE.plusSeconds(1));

		assertThat(appeal.resolvedOnTime()).isFalse();
	}

	@Test
	void anAppealIsNotAssignedWithoutADepartmentOrAPerson() {
		assertThatThrownBy(() -> received().assign(null, null, null)).isInstanceOf(InvalidInput.class);
	}

	@Test
	void aStepTheStateDoesNotAllowIsRefused() {
		assertThatThrownBy(() -> received().accept()).isInstanceOf(Refused.class).hasMessage("appeal.transition");
		assertThatThrownBy(() -> received().resolve("x", RECEIVED)).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> inProgress().close(null, RECEIVED)).isInstanceOf(Refused.class);
		assertThatThrownBy(() -> resolved().reopen("再看看", new Appeal.Clocks(DUE, WARN))).isInstanceOf(Refused.class);
	}

	@Test
	void aReturnedAppealGoesBackToTheDispatcherWithItsReason() {
		Appeal appeal = inProgress();
		appeal.returnToDispatch("不属于物业");

		assertThat(appeal.state()).isEqualTo(AppealState.RECEIVED);
		assertThat(appeal.departmentCode()).isNull();
		Appeal.Step last = appeal.steps().get(appeal.steps().size() - 1);
		assertThat(last.action()).isEqualTo("return");
		assertThat(last.note()).isEqualTo("不属于物业");
	}

	@Test
	void aTransferMovesItToAnotherDepartmentAndClearsTheHandler() {
		Appeal appeal = received();
		appeal.assign("PROPERTY", 42L, null);
		appeal.transfer("HOUSING", "属于房产");

		assertThat(appeal.state()).isEqualTo(AppealState.ASSIGNED);
		assertThat(appeal.departmentCode()).isEqualTo("HOUSING");
		assertThat(appeal.assigneeId()).isNull();
		assertThatThrownBy(() -> appeal.transfer("HOUSING", "again")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void anApprovedExtensionMovesTheDueTimeAndARefusedOneDoesNot() {
		Appeal approved = inProgress();
		approved.requestExtension(3, "等配件");
		assertThatThrownBy(() -> approved.requestExtension(2, "再等")).isInstanceOf(Refused.class);
		Instant later = DUE.plus(Duration.ofDays(3));
		approved.decideExtension(true, null, later, WARN.plus(Duration.ofDays(3)));
		assertThat(approved.dueAt()).isEqualTo(later);
		assertThat(approved.pendingExtension()).isNull();

		Appeal refused = inProgress();
		refused.requestExtension(3, "等配件");
		refused.decideExtension(false, "不同意", later, WARN);
		assertThat(refused.dueAt()).isEqualTo(DUE);
		assertThatThrownBy(() -> refused.decideExtension(true, null, later, WARN)).isInstanceOf(Refused.class);
	}

	@Test
	void aSatisfiedCallbackClosesTheAppeal() {
		Appeal appeal = resolved();
		appeal.callback(Satisfaction.BASICALLY_SATISFIED, null, DUE, new Appeal.Clocks(DUE, WARN));

		assertThat(appeal.state()).isEqualTo(AppealState.CLOSED);
		assertThat(appeal.satisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
		assertThat(appeal.reopenCount()).isZero();
	}

	@Test
	void aDissatisfiedCallbackReopensItToItsDepartmentWithANewClock() {
		Appeal appeal = resolved();
		Instant newDue = DUE.plus(Duration.ofDays(20));
		appeal.callback(Satisfaction.DISSATISFIED, "还是漏水", DUE, new Appeal.Clocks(newDue, newDue.minusSeconds(3600)));

		assertThat(appeal.state()).isEqualTo(AppealState.ASSIGNED);
		assertThat(appeal.departmentCode()).isEqualTo("PROPERTY");
		assertThat(appeal.reopenCount()).isEqualTo(1);
		assertThat(appeal.flags()).contains(AppealFlag.REOPENED);
		assertThat(appeal.dueAt()).isEqualTo(newDue);
		assertThat(appeal.resolvedOnTime()).isNull();
	}

	@Test
	void theClocksFireOnceAndAReopenRestartsThem() {
		Appeal appeal = inProgress();
		appeal.markNearlyDue(WARN);
		assertThat(appeal.flags()).contains(AppealFlag.NEARLY_DUE);
		appeal.markOverdue(DUE);
		assertThat(appeal.flags()).contains(AppealFlag.OVERDUE).doesNotContain(AppealFlag.NEARLY_DUE);
		assertThat(appeal.overdueFiredAt()).isEqualTo(DUE);

		appeal.resolve("终于修好", DUE.plusSeconds(60));
		appeal.close(null, DUE.plusSeconds(120));
		appeal.reopen("又坏了", new Appeal.Clocks(DUE.plus(Duration.ofDays(10)), DUE.plus(Duration.ofDays(9))));
		assertThat(appeal.flags()).doesNotContain(AppealFlag.OVERDUE, AppealFlag.NEARLY_DUE);
		assertThat(appeal.overdueFiredAt()).isNull();
		assertThat(appeal.nearlyDueFiredAt()).isNull();
	}

	@Test
	void aNoteNeedsTextAndIsRefusedOnAClosedAppeal() {
		assertThatThrownBy(() -> inProgress().note("  ")).isInstanceOf(InvalidInput.class);
		Appeal closed = resolved();
		closed.close(null, DUE);
		assertThatThrownBy(() -> closed.note("补充")).isInstanceOf(Refused.class);
	}

}
