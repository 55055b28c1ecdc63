package org.anju.people.roster;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * The columns of a roster, in the template's order, with the other headers that offices
 * put on the same column. Only 姓名 and 身份证号 must be there.
 */
enum RosterColumn {

	NAME(true, "姓名"), ID_NUMBER(true, "身份证号", "身份证号码", "身份证", "公民身份号码"),
	PHONE(false, "手机号", "手机", "手机号码", "联系电话", "电话"), GROUPS(false, "人员类别", "类别"), AREA(false, "片区"), GRID(false, "网格"),
	BUILDING(false, "楼栋", "楼栋号", "楼号"), UNIT(false, "单元", "单元号"), ROOM(false, "房号", "房间号", "门牌号"),
	FORMER_UNIT(false, "原工作单位", "工作单位"), NOTES(false, "备注");

	/** The columns that together name a room. */
	static final List<RosterColumn> PLACE = List.of(AREA, GRID, BUILDING, UNIT, ROOM);

	private final boolean required;

	private final List<String> headers;

	RosterColumn(boolean required, String... headers) {
		this.required = required;
		this.headers = List.of(headers);
	}

	boolean required() {
		return this.required;
	}

	/**
	 * @return the header as the template writes it
	 */
	String header() {
		return this.headers.get(0);
	}

	/**
	 * Matches a header cell, forgiving spaces, full-width characters and a required mark
	 * such as {@code *} or {@code （必填）}.
	 */
	static Optional<RosterColumn> match(String header) {
		String key = Normalizer.normalize(header, Normalizer.Form.NFKC)
			.replaceAll("[\\s\\u200B\\uFEFF]", "")
			.replaceAll("^\\*|\\*$|\\(必填\\)$", "");
		for (RosterColumn column : values()) {
			if (column.headers.contains(key)) {
				return Optional.of(column);
			}
		}
		return Optional.empty();
	}

}
