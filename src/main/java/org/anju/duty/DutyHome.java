package org.anju.duty;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.anju.console.HomePanels;
import org.anju.identity.CurrentUser;
import org.anju.identity.Permission;

import org.springframework.stereotype.Component;

/**
 * The posts a staff member holds, with both duties (一岗双责), on their home page.
 */
@Component
class DutyHome implements HomePanels {

	private final Posts posts;

	DutyHome(Posts posts) {
		this.posts = posts;
	}

	@Override
	public Optional<Panel> panel(CurrentUser user) {
		if (!user.may(Permission.DUTY_READ)) {
			return Optional.empty();
		}
		List<Post> held = this.posts.heldBy(user.community(), user.userId());
		return held.isEmpty() ? Optional.empty() : Optional.of(new Panel("duty/home-panel", Map.of("posts", held)));
	}

}
