package org.anju.notices;

import org.anju.identity.CurrentUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The outage notices on the resident portal: those of the building the resident lives in
 * whose window has not ended.
 */
@Controller
class NoticePortal {

	static final String PAGE = "notices/portal";

	private final Notices notices;

	NoticePortal(Notices notices) {
		this.notices = notices;
	}

	@GetMapping("/portal/notices")
	String page(@AuthenticationPrincipal CurrentUser resident, Model model) {
		model.addAttribute("notices", this.notices.forResident(resident));
		return PAGE;
	}

}
