package org.anju;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules keep their boundaries: no module reaches into another's internals, and
 * there are no cycles. The module documentation is written to {@code target/}.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(AnjuApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(this.modules).writeDocumentation();
	}

}
