package org.anju.stability;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.platform.XlsxText;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a group's monthly analysis as a workbook for the thinking-dynamics meeting: the
 * months, the top topics and tags, and the open cases, one sheet each.
 */
@Component
class AnalysisWorkbook {

	private final MessageSource messages;

	private final AuditTrail audit;

	AnalysisWorkbook(MessageSource messages, AuditTrail audit) {
		this.messages = messages;
		this.audit = audit;
	}

	/**
	 * Writes the workbook and its audit row.
	 * @param topicNames category codes to their names, for the topics
	 */
	@Transactional
	void write(CurrentUser user, GroupAnalysis analysis, String groupName, Map<String, String> topicNames,
			Locale locale, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Anju", "1.0");
		Worksheet months = workbook.newWorksheet(text("analysis.sheet.months", locale));
		months.value(0, 0, XlsxText.guarded(text("analysis.title", locale, groupName, analysis.from(), analysis.to())));
		List<String> header = new java.util.ArrayList<>(
				List.of(text("analysis.month.column", locale), text("analysis.notes", locale)));
		for (Mood mood : Mood.values()) {
			header.add(text("mood.mood." + mood.name(), locale));
		}
		header.add(text("analysis.appeals", locale));
		header.add(text("analysis.cases", locale));
		for (int c = 0; c < header.size(); c++) {
			months.value(1, c, header.get(c));
		}
		months.range(0, 0, 1, header.size() - 1).style().bold().set();
		int row = 2;
		for (GroupAnalysis.Month month : analysis.months()) {
			int c = 0;
			months.value(row, c++, month.month());
			months.value(row, c++, month.notes());
			for (Mood mood : Mood.values()) {
				months.value(row, c++, month.moods().get(mood));
			}
			months.value(row, c++, month.appeals());
			months.value(row, c, month.cases());
			row++;
		}
		Worksheet topics = workbook.newWorksheet(text("analysis.sheet.topics", locale));
		topics.value(0, 0, text("mood.topics", locale));
		topics.value(0, 1, text("analysis.count", locale));
		topics.value(0, 3, text("mood.tags", locale));
		topics.value(0, 4, text("analysis.count", locale));
		topics.range(0, 0, 0, 4).style().bold().set();
		for (int i = 0; i < analysis.topTopics().size(); i++) {
			GroupAnalysis.Count topic = analysis.topTopics().get(i);
			topics.value(i + 1, 0, XlsxText.guarded(topicNames.getOrDefault(topic.key(), topic.key())));
			topics.value(i + 1, 1, topic.count());
		}
		for (int i = 0; i < analysis.topTags().size(); i++) {
			topics.value(i + 1, 3, XlsxText.guarded(analysis.topTags().get(i).key()));
			topics.value(i + 1, 4, analysis.topTags().get(i).count());
		}
		Worksheet cases = workbook.newWorksheet(text("analysis.sheet.cases", locale));
		List<String> caseHeader = List.of(text("conflict.title", locale), text("conflict.type", locale),
				text("conflict.level", locale), text("conflict.state", locale), text("conflict.due", locale));
		for (int c = 0; c < caseHeader.size(); c++) {
			cases.value(0, c, caseHeader.get(c));
		}
		cases.range(0, 0, 0, caseHeader.size() - 1).style().bold().set();
		cases.width(0, 40);
		row = 1;
		for (ConflictCaseView found : analysis.openCases()) {
			cases.value(row, 0, XlsxText.guarded(found.title()));
			cases.value(row, 1, text("conflict.type." + found.type().name(), locale));
			cases.value(row, 2, text("conflict.level." + found.level().name(), locale));
			cases.value(row, 3, text("conflict.state." + found.state().name(), locale));
			cases.value(row, 4, found.dueDate().toString());
			row++;
		}
		workbook.finish();
		this.audit.record(user.community(), "GROUP_ANALYSIS_EXPORTED", "INTEREST_GROUP", analysis.groupCode(),
				Map.of("from", analysis.from(), "to", analysis.to()));
	}

	private String text(String code, Locale locale, Object... args) {
		return this.messages.getMessage(code, args, code, locale);
	}

}
