package org.anju.stability;

/**
 * What a conflict is about.
 */
public enum ConflictType {

	/** 劳动与待遇: wages, pensions, benefits. */
	LABOUR_BENEFITS,
	/** 住房. */
	HOUSING,
	/** 邻里. */
	NEIGHBOUR,
	/** 家庭. */
	FAMILY,
	/** 物业. */
	PROPERTY,
	/** 改制遗留: left over from the enterprise's restructuring. */
	RESTRUCTURING,
	/** 其他. */
	OTHER

}
