/**
 * Open311 GeoReport v2: outside bodies such as a sub-district office (街道) or the 12345
 * hotline list the appeal categories as services, send appeals as service requests with a
 * key an administrator issued, and follow the requests that they sent.
 */
@NullMarked
package org.anju.open311;

import org.jspecify.annotations.NullMarked;
