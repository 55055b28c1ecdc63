package org.anju.shared;

/**
 * Gender as the national ID number states it.
 */
public enum Gender {

	MALE, FEMALE

}
