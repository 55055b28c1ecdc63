/**
 * A realistic demo community, modelled on the source article, loaded into an empty
 * database when {@code anju.demo=true}.
 */
@NullMarked
package org.anju.demo;

import org.jspecify.annotations.NullMarked;
