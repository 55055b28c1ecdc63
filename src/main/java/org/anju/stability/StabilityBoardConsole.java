package org.anju.stability;

import java.util.Locale;

import org.anju.identity.CurrentUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The stability board: where the community stands on one page, each figure a link to the
 * list behind it.
 */
@Controller
@PreAuthorize("hasAuthority('STABILITY_READ')")
class StabilityBoardConsole {

	private final StabilityBoard board;

	private final ScreeningRounds rounds;

	private final RiskModels models;

	StabilityBoardConsole(StabilityBoard board, ScreeningRounds rounds, RiskModels models) {
		this.board = board;
		this.rounds = rounds;
		this.models = models;
	}

	@GetMapping("/stability")
	String board(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		model.addAttribute("warnings", this.board.openWarnings(user));
		model.addAttribute("warningLevels", WarningLevel.values());
		model.addAttribute("heat", this.board.heat(user));
		model.addAttribute("gridThresholds",
				this.models.current(user.community()).thresholds().get(RiskSubject.Type.GRID));
		model.addAttribute("cases", this.board.cases(user));
		model.addAttribute("levels", RiskLevel.values());
		model.addAttribute("states", ConflictState.values());
		model.addAttribute("round", this.rounds.latest(user).orElse(null));
		model.addAttribute("trends", this.board.groupTrends(user, locale));
		return "stability/board";
	}

}
