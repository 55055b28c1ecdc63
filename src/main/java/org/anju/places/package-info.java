/**
 * The places of the community: areas, grids, buildings, units and rooms, in one tree.
 */
@NullMarked
package org.anju.places;

import org.jspecify.annotations.NullMarked;
