package org.anju.shared;

/**
 * A write was based on a version that someone else has since changed.
 */
public class StaleVersion extends RuntimeException {

	private final long currentVersion;

	public StaleVersion(long currentVersion) {
		super("stale version, current is " + currentVersion);
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

}
