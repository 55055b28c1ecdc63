package org.anju.people;

/**
 * Whether a person is on the registry: 在册, 迁出 or 死亡, each with its date.
 */
public enum PersonStatus {

	REGISTERED, MOVED_OUT, DECEASED

}
