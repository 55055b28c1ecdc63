package org.anju.letters;

import java.util.List;

import org.anju.AnswerText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A letter's assessment workbook holds what users typed (the letter's title, unit and
 * post names) as text no spreadsheet runs, and its figures as they read.
 */
class AssessmentWorkbookTests {

	@Test
	void aNameThatLooksLikeAFormulaIsGuardedAndADeductionStaysAFigure() {
		byte[] xlsx = new AssessmentWorkbook().render(new Assessment.Report("考核",
				List.of(new Assessment.Fact("单位", "=HYPERLINK(\"http://x\")"), new Assessment.Fact("岗位", "@SUM(A1)"),
						new Assessment.Fact("扣分", "-5")),
				List.of("指标"), List.of(), List.of(new Assessment.Fact("+依据", "1")), "依据"));
		assertThat(AnswerText.unguarded(xlsx)).isEmpty();
		assertThat(AnswerText.cells(xlsx)).contains("'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "'+依据", "-5\t");
	}

}
