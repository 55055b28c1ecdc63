package org.anju.appeals;

import java.util.Set;

/**
 * Where an appeal stands in the closed loop 受理 → 分派 → 办理 → 办结 → 回访 → 归档.
 */
public enum AppealState {

	/** 已受理: taken in, waiting in the dispatch queue. */
	RECEIVED,
	/** 已分派: given to a department or a person. */
	ASSIGNED,
	/** 办理中: the handler has accepted it. */
	IN_PROGRESS,
	/** 已办结: answered, waiting for the callback. */
	RESOLVED,
	/** 已归档: closed. */
	CLOSED;

	/** The states in which an appeal's clock runs. */
	public static final Set<AppealState> OPEN = Set.of(RECEIVED, ASSIGNED, IN_PROGRESS);

	public boolean isOpen() {
		return OPEN.contains(this);
	}

}
