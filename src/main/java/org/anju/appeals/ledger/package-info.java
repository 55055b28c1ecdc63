/**
 * Appeals in Excel and in figures: the ledger (台账) of any filtered list, the statistics
 * units are judged by, and the import of a community's historical ledgers (checked,
 * previewed, then written all or nothing).
 */
@NullMarked
package org.anju.appeals.ledger;

import org.jspecify.annotations.NullMarked;
