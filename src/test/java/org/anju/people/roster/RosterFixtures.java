package org.anju.people.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.anju.Workbooks;
import org.anju.identity.CurrentUser;
import org.anju.identity.Role;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Rosters, ID numbers and callers for the roster tests. ID numbers are unique within a
 * JVM and carry valid check digits, since tests share one database.
 */
final class RosterFixtures {

	static final List<String> HEADERS = List.of("姓名", "身份证号", "手机号", "人员类别", "片区", "网格", "楼栋", "单元", "房号", "原工作单位",
			"备注");

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

	private RosterFixtures() {
	}

	/**
	 * @return a valid 18-character ID number that no other call in this JVM returns
	 */
	static String idNumber() {
		int n = SEQUENCE.incrementAndGet();
		LocalDate birth = LocalDate.of(1930, 1, 1).plusDays((n * 7919L) % 25_000);
		String body = String.format("43%04d%s%03d", (n / 1000) % 10_000, birth.toString().replace("-", ""), n % 1000);
		return body + check(body);
	}

	static char check(String seventeen) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/**
	 * @return a name that no other test uses, for places
	 */
	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
	}

	/**
	 * Writes a roster: the header row, then each row's values (strings, numbers, or
	 * {@code null} for an empty cell).
	 */
	static byte[] xlsx(List<String> headers, List<List<?>> rows) throws IOException {
		return Workbooks.xlsx("花名册", headers, rows);
	}

	/**
	 * One person in the template's columns.
	 */
	static List<Object> person(String name, String idNumber, Object phone, String groups, String area, String grid,
			String building, String unit, Object room) {
		List<Object> row = new ArrayList<>(
				List.of(name, idNumber, phone, groups, area, grid, building, unit, room, "长岭炼油厂", ""));
		return row;
	}

	static Authentication as(CurrentUser user) {
		List<SimpleGrantedAuthority> authorities = new ArrayList<>();
		user.role().permissions().forEach((p) -> authorities.add(new SimpleGrantedAuthority(p.name())));
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

	static CurrentUser admin() {
		return new CurrentUser(1, 1, "admin", "管理员", Role.ADMIN, Set.of(), null, null, false);
	}

	static CurrentUser gridWorker(long gridId) {
		return new CurrentUser(1, 999_001, "grid-worker-test", "网格员", Role.GRID_WORKER, Set.of(gridId), null, null,
				false);
	}

	/**
	 * The shared samples: beside the project as CI lays them, or where the workplace
	 * keeps them.
	 */
	static Path sample(String name) {
		Path beside = Path.of("..", "shared", "samples", name);
		return Files.exists(beside) ? beside : Path.of("/work/shared/samples", name);
	}

}
