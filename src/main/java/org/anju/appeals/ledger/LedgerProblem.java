package org.anju.appeals.ledger;

/**
 * One problem of a ledger: the row as Excel numbers it (the header is row 1), the
 * column's header, the offending value (ID numbers and phones masked) and what is wrong,
 * in the caller's language.
 */
record LedgerProblem(int row, String column, String value, String message) {
}
