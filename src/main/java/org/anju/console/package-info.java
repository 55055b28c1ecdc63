/**
 * The staff console's frame: sign-in page, home page with the community's counts,
 * navigation and language switch. Each module serves its own pages inside this frame.
 */
@NullMarked
package org.anju.console;

import org.jspecify.annotations.NullMarked;
