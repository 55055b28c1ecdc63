package org.anju.appeals;

import org.jspecify.annotations.Nullable;

/**
 * Where a new appeal goes. Through a rule it goes to the rule's department, or to the
 * rule's person (and their department, if they have one). Without a rule it waits in the
 * general office's dispatch queue ({@code dispatch}), and the dispatcher is offered the
 * category's default department.
 *
 * @param departmentCode the department it goes to; {@literal null} only when a rule names
 * a person who belongs to no department
 * @param assigneeUserId the person a rule names, if any
 * @param viaRuleId the rule that decided, if any
 * @param dispatch whether it waits for a dispatcher
 * @param suggestedDepartmentCode the category's default department
 */
public record Route(@Nullable String departmentCode, @Nullable Long assigneeUserId, @Nullable Long viaRuleId,
		boolean dispatch, String suggestedDepartmentCode) {

}
