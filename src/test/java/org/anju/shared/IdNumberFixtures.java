package org.anju.shared;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Valid national ID numbers for tests in any package, their check digit computed by
 * {@link IdNumber}'s own algorithm. Numbers are unique within a test JVM, which shares
 * one database, so that tests never collide on the registry's unique ID number.
 */
public final class IdNumberFixtures {

	private static final List<String> REGIONS = List.of("430602", "430603", "430611", "430621", "110105", "320102");

	/** Day and sequence walk on from a random start, so each call gives a new number. */
	private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));

	private static final LocalDate FIRST_BIRTH_DAY = LocalDate.of(1930, 1, 1);

	private IdNumberFixtures() {
	}

	/**
	 * @return an 18-character number with a valid check digit that no earlier call gave
	 */
	public static String newIdNumber() {
		long n = NEXT.getAndIncrement();
		String region = REGIONS.get((int) (n % REGIONS.size()));
		LocalDate birth = FIRST_BIRTH_DAY.plusDays((n / 1000) % 27_000);
		return withCheck(region + birth.toString().replace("-", "") + String.format("%03d", n % 1000));
	}

	/**
	 * @return the 17 digits followed by their check character
	 */
	public static String withCheck(String seventeenDigits) {
		return seventeenDigits + IdNumber.checkCharacter(seventeenDigits);
	}

}
