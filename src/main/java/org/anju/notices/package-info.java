/**
 * Service notices (服务公告): outage notices for water, power, gas and heating that name the
 * buildings and the time window, carry talking points for staff on the phone, reach the
 * residents of those buildings on the portal, and gather the appeals about the outage.
 */
@NullMarked
package org.anju.notices;

import org.jspecify.annotations.NullMarked;
