package org.anju.appeals.ledger;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a historical ledger, with the other headers offices put on the same
 * column. 受理时间, 类别 and one of 标题 or 内容 must be there; who brought the appeal is a
 * registered person's 身份证号, or a caller's 姓名 with their 电话.
 */
enum LedgerColumn {

	NUMBER("编号", "诉求编号", "受理编号", "工单号"), RECEIVED_AT("受理时间", "受理日期", "登记时间", "来访时间"), CHANNEL("渠道", "受理渠道", "来源"),
	CATEGORY("类别", "诉求类别", "分类", "诉求分类"), ID_NUMBER("身份证号", "身份证号码", "身份证"), NAME("姓名", "诉求人", "来电人", "来访人"),
	PHONE("电话", "联系电话", "手机号", "手机"), TITLE("标题", "诉求标题", "事由"), DESCRIPTION("内容", "诉求内容", "问题描述", "描述"),
	DEPARTMENT("部门", "承办部门", "责任部门"), STATE("状态", "办理状态"), RESOLVED_AT("办结时间", "办结日期"),
	REPLY("答复", "答复内容", "办理结果", "处理结果"), SATISFACTION("满意度", "回访满意度", "回访结果");

	private final List<String> headers;

	LedgerColumn(String... headers) {
		this.headers = List.of(headers);
	}

	/**
	 * @return the header as the console's example names it
	 */
	String header() {
		return this.headers.get(0);
	}

	/**
	 * Matches a header cell, forgiving spaces, full-width characters and a required mark
	 * such as {@code *} or {@code （必填）}.
	 */
	static Optional<LedgerColumn> match(String header) {
		String key = Normalizer.normalize(header, Normalizer.Form.NFKC)
			.replaceAll("[\\s\\u200B\\uFEFF]", "")
			.replaceAll("^\\*|\\*$|\\(必填\\)$", "");
		for (LedgerColumn column : values()) {
			if (column.headers.contains(key)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

}
