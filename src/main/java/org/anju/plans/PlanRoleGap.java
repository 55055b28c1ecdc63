package org.anju.plans;

/**
 * A role of a plan whose default holder can no longer hold it: the account was disabled,
 * as when its holder left.
 *
 * @param number the plan version that names the holder: the approved one, or the draft of
 * a plan never approved
 */
public record PlanRoleGap(long planId, String planName, int number, PlanRole role, long userId, String userName) {

}
