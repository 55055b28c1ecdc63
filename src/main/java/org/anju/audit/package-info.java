/**
 * The audit trail: every change, unmask, login, denied access and export writes one row
 * in the same transaction as the change; committed rows are sealed into one hash chain
 * per community.
 */
@NullMarked
package org.anju.audit;

import org.jspecify.annotations.NullMarked;
