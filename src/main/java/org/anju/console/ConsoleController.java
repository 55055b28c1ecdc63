package org.anju.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page and the home page.
 */
@Controller
class ConsoleController {

	static final String LOGIN = "login";

	static final String HOME = "home";

	@GetMapping("/login")
	String login() {
		return LOGIN;
	}

	@GetMapping("/")
	String home() {
		return HOME;
	}

}
