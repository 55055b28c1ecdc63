package org.anju.surveys;

/**
 * How the answers came in: taken by staff on the phone or on a visit, or filled in by the
 * resident on the portal.
 */
public enum ResponseChannel {

	PHONE, VISIT, PORTAL

}
