package org.anju.stability;

import org.anju.shared.CommunityId;

/**
 * A conflict case was registered ({@code register}) or took a step (mediate, resolve,
 * stabilise, hand-over, reopen). The warning engine and notifications pick what they
 * need.
 */
public record ConflictCaseChanged(CommunityId community, long caseId, String action, ConflictState state,
		RiskLevel level, long gridId, long ownerLeaderId) {
}
