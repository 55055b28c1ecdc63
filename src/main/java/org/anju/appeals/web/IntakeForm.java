package org.anju.appeals.web;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.anju.appeals.Channel;
import org.anju.appeals.NewAppeal;
import org.anju.calendar.WorkingCalendar;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the operator types into the intake form, kept as typed so that a refused intake is
 * shown again in full. The caller's fields are nested so that the domain's
 * {@code caller.name} and {@code caller.phone} messages land next to them.
 */
class IntakeForm {

	private @Nullable Long personId;

	private Caller caller = new Caller();

	private @Nullable String categoryCode;

	private @Nullable Channel channel = Channel.PHONE;

	private @Nullable String title;

	private @Nullable String description;

	private @Nullable Long roomId;

	private @Nullable Integer peopleCount = 1;

	private boolean escalated;

	private boolean confidential;

	private List<@Nullable Long> coSignerIds = new ArrayList<>();

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
	private @Nullable LocalDateTime receivedAt;

	NewAppeal intake() {
		return new NewAppeal(this.personId, (this.personId == null) ? this.caller.getName() : null,
				(this.personId == null) ? this.caller.getPhone() : null, coSigners(), this.categoryCode, this.channel,
				this.title, this.description, this.roomId, this.peopleCount, this.escalated, this.confidential,
				(this.receivedAt != null) ? this.receivedAt.atZone(WorkingCalendar.ZONE).toInstant() : null);
	}

	/**
	 * @return the co-signers picked, each once, without the empty entries a form may send
	 */
	List<Long> coSigners() {
		return this.coSignerIds.stream().filter(Objects::nonNull).distinct().toList();
	}

	public @Nullable Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(@Nullable Long personId) {
		this.personId = personId;
	}

	public Caller getCaller() {
		return this.caller;
	}

	public void setCaller(Caller caller) {
		this.caller = caller;
	}

	public @Nullable String getCategoryCode() {
		return this.categoryCode;
	}

	public void setCategoryCode(@Nullable String categoryCode) {
		this.categoryCode = categoryCode;
	}

	public @Nullable Channel getChannel() {
		return this.channel;
	}

	public void setChannel(@Nullable Channel channel) {
		this.channel = channel;
	}

	public @Nullable String getTitle() {
		return this.title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getDescription() {
		return this.description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public @Nullable Long getRoomId() {
		return this.roomId;
	}

	public void setRoomId(@Nullable Long roomId) {
		this.roomId = roomId;
	}

	/** The domain names the room {@code placeId}; its messages show next to the room. */
	public @Nullable Long getPlaceId() {
		return this.roomId;
	}

	public @Nullable Integer getPeopleCount() {
		return this.peopleCount;
	}

	public void setPeopleCount(@Nullable Integer peopleCount) {
		this.peopleCount = peopleCount;
	}

	public boolean isEscalated() {
		return this.escalated;
	}

	public void setEscalated(boolean escalated) {
		this.escalated = escalated;
	}

	public boolean isConfidential() {
		return this.confidential;
	}

	public void setConfidential(boolean confidential) {
		this.confidential = confidential;
	}

	public List<@Nullable Long> getCoSignerIds() {
		return this.coSignerIds;
	}

	public void setCoSignerIds(List<@Nullable Long> coSignerIds) {
		this.coSignerIds = coSignerIds;
	}

	/**
	 * The time of receipt as the office's clock showed it (Asia/Shanghai); empty means
	 * now. A letter or a visit entered later is backdated here.
	 */
	public @Nullable LocalDateTime getReceivedAt() {
		return this.receivedAt;
	}

	public void setReceivedAt(@Nullable LocalDateTime receivedAt) {
		this.receivedAt = receivedAt;
	}

	/**
	 * A caller who is not in the registry.
	 */
	public static class Caller {

		private @Nullable String name;

		private @Nullable String phone;

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getPhone() {
			return this.phone;
		}

		public void setPhone(@Nullable String phone) {
			this.phone = phone;
		}

	}

}
