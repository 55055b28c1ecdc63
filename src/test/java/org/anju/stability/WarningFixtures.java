package org.anju.stability;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.anju.RegistryFixtures;
import org.anju.calendar.WorkingCalendar;
import org.anju.people.InterestGroup;
import org.anju.people.InterestGroups;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.shared.IdNumberFixtures;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for the warning engine: interest groups of its own, their members, mood
 * notes, and waiting for what the engine does after an event.
 */
final class WarningFixtures {

	private final RegistryFixtures registry;

	private final InterestGroups groups;

	private final MoodNotes notes;

	private final JdbcClient jdbc;

	WarningFixtures(RegistryFixtures registry, InterestGroups groups, MoodNotes notes, JdbcClient jdbc) {
		this.registry = registry;
		this.groups = groups;
		this.notes = notes;
		this.jdbc = jdbc;
	}

	InterestGroup group() {
		String code = RegistryFixtures.unique("G").toUpperCase().replaceAll("[^A-Z0-9]", "_");
		return this.groups.create(RegistryFixtures.COMMUNITY, code, "群体" + code, "Group " + code);
	}

	Person member(long roomId, String groupCode) {
		return this.registry.person(new PersonForm(RegistryFixtures.chineseName(), IdNumberFixtures.newIdNumber(),
				RegistryFixtures.mobile(), roomId, List.of(groupCode), null, "测试单位", null));
	}

	MoodNote personNote(long personId, String mood) {
		return this.notes.file(RegistryFixtures.admin(), new NewMoodNote("PERSON", personId, null, null, today(),
				"VISIT", mood, List.of("PENSION"), List.of(), "谈到养老金"));
	}

	MoodNote groupNote(String groupCode, long gridId, String mood) {
		return this.notes.file(RegistryFixtures.admin(), new NewMoodNote("GROUP", null, groupCode, gridId, today(),
				"MEETING", mood, List.of("PENSION"), List.of(), "群体座谈"));
	}

	/**
	 * @return the id of the subject's warning that is not closed, once there is one
	 */
	Optional<Long> openWarning(String subjectType, Object subjectId) {
		return this.jdbc.sql("""
				select id from warning
				where community_id = 1 and subject_type = :type and subject_id = :id and state <> 'CLOSED'
				""").param("type", subjectType).param("id", String.valueOf(subjectId)).query(Long.class).optional();
	}

	/**
	 * Waits for what listeners do after commit.
	 */
	static <T> T eventually(Supplier<Optional<T>> probe) {
		long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < until) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new AssertionError("nothing turned up within 30 s");
	}

	static String today() {
		return LocalDate.now(WorkingCalendar.ZONE).toString();
	}

}
