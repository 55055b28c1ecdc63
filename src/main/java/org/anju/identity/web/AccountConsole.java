package org.anju.identity.web;

import org.anju.identity.CurrentUser;
import org.anju.identity.Role;
import org.anju.identity.UserManagement;
import org.anju.platform.FormErrors;
import org.anju.shared.InvalidInput;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A user changes their own password: whenever they like, and before anything else when an
 * administrator set it.
 */
@Controller
class AccountConsole {

	static final String PASSWORD = "account/password";

	private final UserManagement users;

	AccountConsole(UserManagement users) {
		this.users = users;
	}

	@GetMapping("/account/password")
	String passwordForm(@ModelAttribute("passwordChange") PasswordChange change) {
		return PASSWORD;
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentUser user,
			@ModelAttribute("passwordChange") PasswordChange change, BindingResult result) {
		if (!change.getNewPassword().equals(change.getRepeatPassword())) {
			result.rejectValue("repeatPassword", "account.password.mismatch");
		}
		if (!result.hasErrors()) {
			try {
				this.users.changeOwnPassword(user, change.getCurrentPassword(), change.getNewPassword());
				return (user.role() == Role.RESIDENT) ? "redirect:/portal?passwordChanged"
						: "redirect:/?passwordChanged";
			}
			catch (InvalidInput ex) {
				FormErrors.reject(ex, result);
			}
		}
		// passwords are never sent back to the browser
		change.setCurrentPassword("");
		change.setNewPassword("");
		change.setRepeatPassword("");
		return PASSWORD;
	}

	/**
	 * The password form: the current password, the new one, and the new one again.
	 */
	static class PasswordChange {

		private String currentPassword = "";

		private String newPassword = "";

		private String repeatPassword = "";

		public String getCurrentPassword() {
			return this.currentPassword;
		}

		public void setCurrentPassword(String currentPassword) {
			this.currentPassword = currentPassword;
		}

		public String getNewPassword() {
			return this.newPassword;
		}

		public void setNewPassword(String newPassword) {
			this.newPassword = newPassword;
		}

		public String getRepeatPassword() {
			return this.repeatPassword;
		}

		public void setRepeatPassword(String repeatPassword) {
			this.repeatPassword = repeatPassword;
		}

	}

}
