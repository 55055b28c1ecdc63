package org.anju.stability;

/**
 * The early-warning levels, from the mildest: 蓝 blue, 黄 yellow, 橙 orange, 红 red.
 */
public enum WarningLevel {

	BLUE, YELLOW, ORANGE, RED;

	/**
	 * @return whether this level lies above {@code other}; every level lies above none
	 */
	public boolean above(@org.jspecify.annotations.Nullable WarningLevel other) {
		return other == null || compareTo(other) > 0;
	}

}
