package org.anju.people.web;

import java.time.LocalDate;

import org.anju.people.PersonStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The status form of the person page: moved out or deceased on a day, or registered
 * again.
 */
class StatusChange {

	private @Nullable PersonStatus status;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate statusDate;

	private long version;

	public @Nullable PersonStatus getStatus() {
		return this.status;
	}

	public void setStatus(@Nullable PersonStatus status) {
		this.status = status;
	}

	public @Nullable LocalDate getStatusDate() {
		return this.statusDate;
	}

	public void setStatusDate(@Nullable LocalDate statusDate) {
		this.statusDate = statusDate;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
