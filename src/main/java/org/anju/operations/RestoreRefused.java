package org.anju.operations;

/**
 * A restore that would damage the database or load a damaged backup, refused before
 * anything was written.
 */
class RestoreRefused extends RuntimeException {

	RestoreRefused(String message) {
		super(message);
	}

}
