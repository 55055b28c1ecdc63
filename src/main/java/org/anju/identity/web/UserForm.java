package org.anju.identity.web;

import java.util.LinkedHashSet;
import java.util.Set;

import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserChange;
import org.jspecify.annotations.Nullable;

/**
 * The account form as the browser sends it, for opening an account (with username and
 * first password) and for editing one.
 */
class UserForm {

	private String username = "";

	private String password = "";

	private String displayName = "";

	private Role role = Role.GRID_WORKER;

	private Set<Long> gridIds = new LinkedHashSet<>();

	private @Nullable String departmentCode;

	private boolean enabled = true;

	private @Nullable Long personId;

	private long version;

	static UserForm of(UserAccount account) {
		UserForm form = new UserForm();
		form.username = account.username();
		form.displayName = account.displayName();
		form.role = account.role();
		form.gridIds = new LinkedHashSet<>(account.gridIds());
		form.departmentCode = account.departmentCode();
		form.enabled = account.enabled();
		form.personId = account.personId();
		form.version = account.version();
		return form;
	}

	NewUser newUser() {
		return new NewUser(this.username, this.password, this.displayName, this.role, this.gridIds,
				blankToNull(this.departmentCode), this.personId);
	}

	UserChange change() {
		return new UserChange(this.displayName, this.role, this.gridIds, blankToNull(this.departmentCode),
				this.personId, this.enabled);
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	public String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = (username != null) ? username : "";
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = (password != null) ? password : "";
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public void setDisplayName(@Nullable String displayName) {
		this.displayName = (displayName != null) ? displayName : "";
	}

	public Role getRole() {
		return this.role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

	public Set<Long> getGridIds() {
		return this.gridIds;
	}

	public void setGridIds(@Nullable Set<Long> gridIds) {
		this.gridIds = (gridIds != null) ? gridIds : new LinkedHashSet<>();
	}

	public @Nullable String getDepartmentCode() {
		return this.departmentCode;
	}

	public void setDepartmentCode(@Nullable String departmentCode) {
		this.departmentCode = departmentCode;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(@Nullable Long personId) {
		this.personId = personId;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
