package org.anju.appeals.web;

import org.anju.appeals.AppealAction;
import org.anju.appeals.Satisfaction;
import org.anju.shared.BadParameter;
import org.anju.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

/**
 * The fields of every action form on an appeal's page, with the version the user saw;
 * each action reads the ones it needs. Kept as typed, so that a refused action is shown
 * again with its text.
 */
class ActionForm {

	private long version;

	private @Nullable String departmentCode;

	private @Nullable Long assigneeId;

	private @Nullable String text;

	private @Nullable Integer workingDays;

	private @Nullable Boolean approve;

	private @Nullable Satisfaction satisfaction;

	/**
	 * @throws InvalidInput naming the field an action needs and did not get
	 * @throws BadParameter for an action there is none of
	 */
	AppealAction toAction(String action) {
		return switch (action) {
			case "assign" ->
				new AppealAction.Assign(blankToNull(this.departmentCode), this.assigneeId, blankToNull(this.text));
			case "accept" -> new AppealAction.Accept();
			case "return" -> new AppealAction.Return(required(this.text, "text"));
			case "transfer" ->
				new AppealAction.Transfer(required(this.departmentCode, "departmentCode"), required(this.text, "text"));
			case "request-extension" -> new AppealAction.RequestExtension(required(this.workingDays, "workingDays"),
					required(this.text, "text"));
			case "decide-extension" ->
				new AppealAction.DecideExtension(required(this.approve, "approve"), blankToNull(this.text));
			case "urge" -> new AppealAction.Urge(required(this.text, "text"));
			case "note" -> new AppealAction.Note(required(this.text, "text"));
			case "resolve" -> new AppealAction.Resolve(required(this.text, "text"));
			case "callback" ->
				new AppealAction.Callback(required(this.satisfaction, "satisfaction"), blankToNull(this.text));
			case "close" -> new AppealAction.Close(blankToNull(this.text));
			case "reopen" -> new AppealAction.Reopen(required(this.text, "text"));
			default -> throw new BadParameter("action", "appeal.action.unknown", action);
		};
	}

	private static <T> T required(@Nullable T value, String field) {
		if (value == null || (value instanceof String typed && typed.isBlank())) {
			throw new InvalidInput(field, "field.required");
		}
		return value;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable String getDepartmentCode() {
		return this.departmentCode;
	}

	public void setDepartmentCode(@Nullable String departmentCode) {
		this.departmentCode = departmentCode;
	}

	public @Nullable Long getAssigneeId() {
		return this.assigneeId;
	}

	public void setAssigneeId(@Nullable Long assigneeId) {
		this.assigneeId = assigneeId;
	}

	public @Nullable String getText() {
		return this.text;
	}

	public void setText(@Nullable String text) {
		this.text = text;
	}

	public @Nullable Integer getWorkingDays() {
		return this.workingDays;
	}

	public void setWorkingDays(@Nullable Integer workingDays) {
		this.workingDays = workingDays;
	}

	public @Nullable Boolean getApprove() {
		return this.approve;
	}

	public void setApprove(@Nullable Boolean approve) {
		this.approve = approve;
	}

	public @Nullable Satisfaction getSatisfaction() {
		return this.satisfaction;
	}

	public void setSatisfaction(@Nullable Satisfaction satisfaction) {
		this.satisfaction = satisfaction;
	}

}
