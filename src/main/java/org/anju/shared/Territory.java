package org.anju.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a figure is counted over: the whole community, or some areas and grids, or a
 * department, within a period of whole days in Asia/Shanghai. A module that publishes
 * figures for a part of the community takes one of these, so that every module reads a
 * scope the same way.
 *
 * @param whole the whole community; the other parts are then ignored
 * @param areaIds areas whose every row counts
 * @param gridIds grids whose every row counts (a grid of a listed area need not be
 * listed)
 * @param departmentCode a department whose rows count, or {@literal null}
 * @param from the first day
 * @param to the last day, inclusive
 */
public record Territory(boolean whole, List<Long> areaIds, List<Long> gridIds, @Nullable String departmentCode,
		LocalDate from, LocalDate to) {

	/** The zone whose days periods are counted in. */
	public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	public Territory {
		areaIds = List.copyOf(areaIds);
		gridIds = List.copyOf(gridIds);
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("a territory's period ends before it starts");
		}
	}

	/**
	 * @return the first moment of the period
	 */
	public ZonedDateTime start() {
		return this.from.atStartOfDay(ZONE);
	}

	/**
	 * @return the first moment after the period
	 */
	public ZonedDateTime end() {
		return this.to.plusDays(1).atStartOfDay(ZONE);
	}

	/**
	 * @return the area ids as an SQL array parameter
	 */
	public Long[] areas() {
		return this.areaIds.toArray(Long[]::new);
	}

	/**
	 * @return the grid ids as an SQL array parameter
	 */
	public Long[] grids() {
		return this.gridIds.toArray(Long[]::new);
	}

}
