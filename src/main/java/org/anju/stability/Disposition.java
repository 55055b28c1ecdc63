package org.anju.stability;

/**
 * How a warning was dealt with: 走访 visited, 谈话 talked, 化解 resolved, 启动预案 escalated to a
 * contingency plan, or 误报 a false alarm, which needs a note saying why.
 */
public enum Disposition {

	VISITED, TALKED, RESOLVED, ESCALATED_TO_PLAN, FALSE_ALARM

}
