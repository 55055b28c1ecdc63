package org.anju.appeals.ledger;

import java.util.List;

/**
 * What an import of a historical ledger did, or in a dry run would do. With errors,
 * nothing was written and {@code imported} counts the valid rows only.
 */
record LedgerImportReport(int total, int imported, List<LedgerProblem> warnings, List<LedgerProblem> errors) {

	boolean ok() {
		return this.errors.isEmpty();
	}

}
