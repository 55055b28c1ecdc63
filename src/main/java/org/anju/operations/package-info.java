/**
 * Operations: a consistent backup of the whole database that needs no client tools (the
 * embedded PostgreSQL ships no {@code pg_dump}), and its restore into an empty database.
 */
@NullMarked
package org.anju.operations;

import org.jspecify.annotations.NullMarked;
