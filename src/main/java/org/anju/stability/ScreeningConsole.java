package org.anju.stability;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.anju.shared.Refused;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The completeness board of a screening round: which grids have reported, with findings
 * or a zero report, and which are late; a grid worker files a zero report or a finding
 * from it.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class ScreeningConsole {

	static final String BOARD = "stability/screening";

	private final ScreeningRounds rounds;

	private final MessageSource messages;

	ScreeningConsole(ScreeningRounds rounds, MessageSource messages) {
		this.rounds = rounds;
		this.messages = messages;
	}

	@GetMapping("/screening")
	String board(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long roundId,
			Model model) {
		ScreeningRound round = (roundId != null) ? this.rounds.get(user, roundId)
				: this.rounds.latest(user).orElse(null);
		model.addAttribute("round", round);
		model.addAttribute("recent", this.rounds.list(user, null, 12).items());
		return BOARD;
	}

	@PostMapping("/screening/{roundId}/zero")
	@PreAuthorize("hasAuthority('STABILITY_WORK')")
	String zero(@AuthenticationPrincipal CurrentUser user, @PathVariable long roundId, @RequestParam long gridId,
			Model model, Locale locale, HttpServletResponse response) {
		String message;
		try {
			this.rounds.report(user, roundId, new ScreeningReport(gridId, true, List.of()));
			return "redirect:/screening?roundId=" + roundId + "&reported=" + gridId;
		}
		catch (InvalidInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			message = String.join(" ",
					ex.violations()
						.stream()
						.map((v) -> this.messages.getMessage(v.code(), v.args(), v.code(), locale))
						.toList());
		}
		catch (Refused ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			message = this.messages.getMessage(ex.code(), ex.args(), ex.code(), locale);
		}
		model.addAttribute("failure", message);
		return board(user, roundId, model);
	}

}
