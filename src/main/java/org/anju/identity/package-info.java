/**
 * Staff and resident accounts, their roles, their data scope, and how they sign in: the
 * console by form and session, programs by bearer token.
 */
@NullMarked
package org.anju.identity;

import org.jspecify.annotations.NullMarked;
