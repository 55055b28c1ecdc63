package org.anju.console;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Test data for console tests: valid national ID numbers, accounts that may sign in, and
 * their authentication as the console's login makes it.
 */
public final class ConsoleFixtures {

	static final CommunityId COMMUNITY = new CommunityId(1);

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = "10X98765432".toCharArray();

	private ConsoleFixtures() {
	}

	/**
	 * @return a fresh, valid 18-character ID number, born between 1940 and 1999
	 */
	static String idNumber() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(21_900));
		String seventeen = "430602" + birth.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (seventeen.charAt(i) - '0') * WEIGHTS[i];
		}
		return seventeen + CHECK[sum % 11];
	}

	static String unique(String prefix) {
		return prefix + Long.toString(System.nanoTime(), 36);
	}

	/**
	 * Opens an account and changes its first password, so that it may use the console.
	 */
	public static CurrentUser account(UserManagement users, Role role, Set<Long> grids,
			@Nullable String departmentCode) {
		UserAccount opened = users.create(COMMUNITY, new NewUser(unique("t").toLowerCase(), "First-Pass-1",
				"测试" + role.name(), role, grids, departmentCode, null));
		users.changeOwnPassword(user(opened), "First-Pass-1", "Later-Pass-2");
		return user(users.get(COMMUNITY, opened.id()));
	}

	public static CurrentUser admin(UserManagement users) {
		return user(users.all(COMMUNITY)
			.stream()
			.filter((account) -> account.username().equals("admin"))
			.findFirst()
			.orElseThrow());
	}

	public static CurrentUser user(UserAccount account) {
		return new CurrentUser(COMMUNITY.value(), account.id(), account.username(), account.displayName(),
				account.role(), account.gridIds(), account.departmentCode(), account.personId(),
				account.mustChangePassword());
	}

	/**
	 * @return the authentication that the console's form login gives this user
	 */
	public static Authentication signedIn(CurrentUser user) {
		List<SimpleGrantedAuthority> authorities = user.role()
			.permissions()
			.stream()
			.map((permission) -> new SimpleGrantedAuthority(permission.name()))
			.collect(Collectors.toList());
		authorities.add(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
		return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
	}

}
