package org.anju.care;

import org.anju.shared.CommunityId;

/**
 * A campaign's deadline passed: {@code missed} retirees were unchecked, flagged and sent
 * a reminder.
 */
public record QualificationDeadlinePassed(CommunityId community, long campaignId, int year, int missed) {
}
