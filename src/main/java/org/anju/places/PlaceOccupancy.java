package org.anju.places;

import org.anju.shared.CommunityId;

/**
 * Places do not know who lives in them; the module that keeps people answers. A place
 * with people in it, or under it, is not deleted.
 */
public interface PlaceOccupancy {

	/**
	 * @return how many people live in the place or anywhere under it
	 */
	long residentsUnder(CommunityId community, Place place);

}
