package org.anju.stability;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The console's form for a mood note. Tags are typed separated by commas or spaces; with
 * a round, the note is filed as that grid's screening finding.
 */
class MoodForm {

	private @Nullable String subjectType = MoodSubject.PERSON.name();

	private @Nullable Long personId;

	private @Nullable String groupCode;

	private @Nullable Long gridId;

	private @Nullable String date;

	private @Nullable String source = MoodSource.VISIT.name();

	private @Nullable String mood;

	private List<String> topics = new ArrayList<>();

	private @Nullable String tags;

	private @Nullable String summary;

	private @Nullable Long roundId;

	NewMoodNote toNote() {
		boolean person = MoodSubject.PERSON.name().equals(this.subjectType);
		List<String> tagList = (this.tags == null) ? List.of()
				: Arrays.stream(this.tags.split("[,，、\\s]+")).filter((tag) -> !tag.isBlank()).toList();
		return new NewMoodNote(this.subjectType, person ? this.personId : null, person ? null : this.groupCode,
				this.gridId, this.date, this.source, this.mood, this.topics, tagList, this.summary);
	}

	public @Nullable String getSubjectType() {
		return this.subjectType;
	}

	public void setSubjectType(@Nullable String subjectType) {
		this.subjectType = subjectType;
	}

	public @Nullable Long getPersonId() {
		return this.personId;
	}

	public void setPersonId(@Nullable Long personId) {
		this.personId = personId;
	}

	public @Nullable String getGroupCode() {
		return this.groupCode;
	}

	public void setGroupCode(@Nullable String groupCode) {
		this.groupCode = (groupCode != null && groupCode.isBlank()) ? null : groupCode;
	}

	public @Nullable Long getGridId() {
		return this.gridId;
	}

	public void setGridId(@Nullable Long gridId) {
		this.gridId = gridId;
	}

	public @Nullable String getDate() {
		return this.date;
	}

	public void setDate(@Nullable String date) {
		this.date = date;
	}

	public @Nullable String getSource() {
		return this.source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable String getMood() {
		return this.mood;
	}

	public void setMood(@Nullable String mood) {
		this.mood = mood;
	}

	public List<String> getTopics() {
		return this.topics;
	}

	public void setTopics(@Nullable List<String> topics) {
		this.topics = (topics != null) ? topics : new ArrayList<>();
	}

	public @Nullable String getTags() {
		return this.tags;
	}

	public void setTags(@Nullable String tags) {
		this.tags = tags;
	}

	public @Nullable String getSummary() {
		return this.summary;
	}

	public void setSummary(@Nullable String summary) {
		this.summary = summary;
	}

	public @Nullable Long getRoundId() {
		return this.roundId;
	}

	public void setRoundId(@Nullable Long roundId) {
		this.roundId = roundId;
	}

}
