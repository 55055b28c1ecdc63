/**
 * The roster in Excel: the import template, the import of a community office's roster
 * (checked, previewed, then written all or nothing) and the export of any filtered list.
 */
@NullMarked
package org.anju.people.roster;

import org.jspecify.annotations.NullMarked;
