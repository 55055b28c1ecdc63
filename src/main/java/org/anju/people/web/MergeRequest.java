package org.anju.people.web;

import org.jspecify.annotations.Nullable;

/**
 * The merge form of the person page: the ID of the duplicate record to fold into this
 * one.
 */
class MergeRequest {

	private @Nullable Long mergedId;

	public @Nullable Long getMergedId() {
		return this.mergedId;
	}

	public void setMergedId(@Nullable Long mergedId) {
		this.mergedId = mergedId;
	}

}
