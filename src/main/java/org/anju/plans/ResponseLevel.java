package org.anju.plans;

/**
 * The response level of an incident, from I (特别重大) to IV (一般).
 */
public enum ResponseLevel {

	I, II, III, IV

}
