package org.anju.console;

import java.util.Map;
import java.util.Optional;

import org.anju.identity.CurrentUser;

/**
 * A module's panel on the staff home page, offered without the console knowing the
 * module: the console collects every bean of this type.
 */
public interface HomePanels {

	/**
	 * @return the panel for the signed-in user, or empty when the module has nothing for
	 * them
	 */
	Optional<Panel> panel(CurrentUser user);

	/**
	 * A panel: a template holding a fragment named {@code panel}, and what it shows,
	 * which the fragment reads as {@code panel.model()}.
	 */
	record Panel(String template, Map<String, Object> model) {
	}

}
