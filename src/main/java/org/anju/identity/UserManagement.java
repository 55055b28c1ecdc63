package org.anju.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.anju.audit.AuditTrail;
import org.anju.organisation.Departments;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.InvalidInput.Violation;
import org.anju.shared.NotFound;
import org.anju.shared.Phone;
import org.anju.shared.StaleVersion;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening, editing and resetting accounts, and a user changing their own password. Every
 * change writes its audit row in the same transaction.
 */
@Service
@Transactional
public class UserManagement {

	private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,39}");

	private final UserAccounts accounts;

	private final PasswordEncoder encoder;

	private final Departments departments;

	private final List<GridDirectory> grids;

	private final List<ResidentDirectory> residents;

	private final AuditTrail audit;

	UserManagement(UserAccounts accounts, PasswordEncoder encoder, Departments departments, List<GridDirectory> grids,
			List<ResidentDirectory> residents, AuditTrail audit) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.departments = departments;
		this.grids = grids;
		this.residents = residents;
		this.audit = audit;
	}

	/**
	 * Opens an account whose password must be changed at first login. A resident's
	 * account takes the person's own mobile as its username and their name unless one is
	 * given.
	 * @throws InvalidInput listing every field that breaks a rule
	 */
	public UserAccount create(CommunityId community, NewUser user) {
		return open(community, user, true);
	}

	/**
	 * Opens an account that the operator's configuration seeds, such as the demo
	 * community's: its password is documented, not set by an administrator, so it is not
	 * forced to change.
	 */
	public UserAccount openSeeded(CommunityId community, NewUser user) {
		return open(community, user, false);
	}

	/**
	 * Opens the first administrator of a deployment. Its password is not forced to change
	 * when it came from the operator's environment.
	 */
	UserAccount open(CommunityId community, NewUser user, boolean mustChangePassword) {
		List<Violation> problems = new ArrayList<>();
		String username = user.username().strip().toLowerCase();
		String displayName = user.displayName();
		if (user.role() == Role.RESIDENT) {
			ResidentDirectory.Resident resident = resident(community, user, problems);
			username = (resident != null && resident.mobile() != null) ? resident.mobile() : "";
			if (displayName.isBlank() && resident != null) {
				displayName = resident.name();
			}
		}
		else if (!USERNAME.matcher(username).matches()) {
			problems.add(new Violation("username", "user.username.format"));
		}
		else if (this.accounts.usernameTaken(username)) {
			problems.add(new Violation("username", "user.username.taken", username));
		}
		passwordProblem(user.password()).ifPresent(problems::add);
		problems.addAll(assignmentProblems(community, displayName, user.role(), user.gridIds(), user.departmentCode()));
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		NewUser clean = new NewUser(username, user.password(), displayName.strip(), user.role(), user.gridIds(),
				departmentFor(user.role(), user.departmentCode()), user.personId());
		long id = this.accounts.insert(community, clean, this.encoder.encode(user.password()), mustChangePassword);
		UserAccount created = get(community, id);
		this.audit.record(community, "USER_CREATED", "USER", id, describe(created));
		return created;
	}

	/**
	 * A resident's account is named by their own mobile: they must have one, it must not
	 * open another account, and a username typed in must be that mobile. A person has at
	 * most one resident account.
	 * @return the person, when they are registered
	 */
	private ResidentDirectory.@Nullable Resident resident(CommunityId community, NewUser user,
			List<Violation> problems) {
		if (user.personId() == null) {
			problems.add(new Violation("personId", "field.required"));
			return null;
		}
		ResidentDirectory.Resident resident = this.residents.stream()
			.flatMap((directory) -> directory.find(community, user.personId()).stream())
			.findFirst()
			.orElse(null);
		if (resident == null) {
			problems.add(new Violation("personId", "user.resident.unknownPerson", user.personId()));
			return null;
		}
		String mobile = resident.mobile();
		if (mobile == null) {
			problems.add(new Violation("personId", "user.resident.noMobile"));
		}
		else if (!user.username().isBlank() && !mobile.equals(normalizedPhone(user.username()))) {
			problems.add(new Violation("username", "user.resident.usernameNotMobile"));
		}
		else if (this.accounts.usernameTaken(mobile)) {
			problems.add(new Violation("personId", "user.resident.mobileTaken", Phone.mask(mobile)));
		}
		if (this.accounts.residentAccountExists(community, user.personId())) {
			problems.add(new Violation("personId", "user.resident.exists"));
		}
		return resident;
	}

	private static @Nullable String normalizedPhone(String typed) {
		try {
			return Phone.parse(typed).value();
		}
		catch (InvalidInput ex) {
			return null;
		}
	}

	/**
	 * @throws StaleVersion when someone changed the account since {@code expectedVersion}
	 */
	public UserAccount update(CommunityId community, long id, long expectedVersion, UserChange change) {
		UserAccount before = get(community, id);
		List<Violation> problems = assignmentProblems(community, change.displayName(), change.role(), change.gridIds(),
				change.departmentCode());
		// a resident's username is their mobile, a staff member's never is
		if ((before.role() == Role.RESIDENT) != (change.role() == Role.RESIDENT)) {
			problems.add(new Violation("role", "user.role.residentFixed"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		UserChange clean = new UserChange(change.displayName().strip(), change.role(), change.gridIds(),
				departmentFor(change.role(), change.departmentCode()),
				(before.role() == Role.RESIDENT) ? before.personId() : change.personId(), change.enabled());
		if (this.accounts.update(community, id, expectedVersion, clean) == 0) {
			throw new StaleVersion(before.version());
		}
		UserAccount after = get(community, id);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("before", describe(before));
		detail.put("after", describe(after));
		this.audit.record(community, "USER_UPDATED", "USER", id, detail);
		return after;
	}

	/**
	 * An administrator sets a new password; the user must change it at their next login.
	 * The account is unlocked.
	 */
	public UserAccount resetPassword(CommunityId community, long id, String newPassword) {
		get(community, id);
		passwordProblem(newPassword).ifPresent((problem) -> {
			throw new InvalidInput(List.of(problem));
		});
		this.accounts.setPassword(community, id, this.encoder.encode(newPassword), true);
		this.audit.record(community, "USER_PASSWORD_RESET", "USER", id, Map.of());
		return get(community, id);
	}

	/**
	 * A user changes their own password, proving the current one.
	 */
	public void changeOwnPassword(CurrentUser user, String currentPassword, String newPassword) {
		UserAccounts.StoredAccount stored = this.accounts.byId(user.community(), user.userId())
			.orElseThrow(() -> new NotFound("user", user.userId()));
		if (!this.encoder.matches(currentPassword, stored.passwordHash())) {
			throw new InvalidInput("currentPassword", "user.password.wrong");
		}
		passwordProblem(newPassword).ifPresent((problem) -> {
			throw new InvalidInput(List.of(problem));
		});
		if (this.encoder.matches(newPassword, stored.passwordHash())) {
			throw new InvalidInput("newPassword", "user.password.same");
		}
		this.accounts.setPassword(user.community(), user.userId(), this.encoder.encode(newPassword), false);
		this.audit.record(user.community(), "USER_PASSWORD_CHANGED", "USER", user.userId(), Map.of());
	}

	/**
	 * Points resident accounts of a merged person at the person kept. Part of a merge's
	 * transaction.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
	public void repointPerson(CommunityId community, long fromPersonId, long toPersonId) {
		this.accounts.repointPerson(community, fromPersonId, toPersonId);
	}

	@Transactional(readOnly = true)
	public UserAccount get(CommunityId community, long id) {
		return this.accounts.byId(community, id)
			.map(UserAccounts.StoredAccount::account)
			.orElseThrow(() -> new NotFound("user", id));
	}

	@Transactional(readOnly = true)
	public List<UserAccount> all(CommunityId community) {
		return this.accounts.all(community).stream().map(UserAccounts.StoredAccount::account).toList();
	}

	/**
	 * Signs the community's first administrator in on this thread, for start-up work that
	 * acts for no person, such as the demo's: close what it returns to sign out.
	 * @throws IllegalStateException when the community has no administrator
	 */
	public SignedIn signInAdministrator(CommunityId community) {
		UserAccount admin = all(community).stream()
			.filter((account) -> account.role() == Role.ADMIN)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("community " + community.value() + " has no administrator"));
		CurrentUser user = new CurrentUser(community.value(), admin.id(), admin.username(), admin.displayName(),
				Role.ADMIN, Set.of(), null, null, false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		return new SignedIn(user);
	}

	/**
	 * @param departmentCode only the accounts of this department, or of any
	 * @return the ids of the enabled accounts with the role, never {@literal null}
	 */
	@Transactional(readOnly = true)
	public List<Long> enabledIds(CommunityId community, Role role, @Nullable String departmentCode) {
		return this.accounts.enabledIds(community, role, departmentCode);
	}

	/**
	 * @return the enabled grid workers whose grids include this one
	 */
	public List<Long> gridWorkerIds(CommunityId community, long gridId) {
		return this.accounts.gridWorkerIds(community, gridId);
	}

	private List<Violation> assignmentProblems(CommunityId community, @Nullable String displayName, Role role,
			Set<Long> gridIds, @Nullable String departmentCode) {
		List<Violation> problems = new ArrayList<>();
		if (displayName == null || displayName.isBlank() || displayName.strip().length() > 50) {
			problems.add(new Violation("displayName", "user.displayName.length"));
		}
		if (role == Role.GRID_WORKER) {
			if (gridIds.isEmpty()) {
				problems.add(new Violation("gridIds", "user.grids.required"));
			}
			else {
				Set<Long> unknown = new TreeSet<>(gridIds);
				this.grids.forEach((directory) -> unknown.removeAll(directory.existingGrids(community, gridIds)));
				if (!unknown.isEmpty()) {
					problems.add(new Violation("gridIds", "user.grids.unknown", unknown.toString()));
				}
			}
		}
		else if (!gridIds.isEmpty()) {
			problems.add(new Violation("gridIds", "user.grids.onlyGridWorker"));
		}
		if (role == Role.DEPARTMENT_STAFF) {
			if (departmentCode == null || departmentCode.isBlank()) {
				problems.add(new Violation("departmentCode", "user.department.required"));
			}
			else if (this.departments.find(community, departmentCode).isEmpty()) {
				problems.add(new Violation("departmentCode", "user.department.unknown", departmentCode));
			}
		}
		return problems;
	}

	private static @Nullable String departmentFor(Role role, @Nullable String departmentCode) {
		return (role == Role.DEPARTMENT_STAFF) ? departmentCode : null;
	}

	static java.util.Optional<Violation> passwordProblem(@Nullable String password) {
		if (password == null || password.length() < 8 || password.length() > 128) {
			return java.util.Optional.of(new Violation("password", "user.password.length"));
		}
		if (!password.chars().anyMatch(Character::isLetter) || !password.chars().anyMatch(Character::isDigit)) {
			return java.util.Optional.of(new Violation("password", "user.password.mix"));
		}
		return java.util.Optional.empty();
	}

	private static Map<String, Object> describe(UserAccount account) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("username", account.username());
		detail.put("displayName", account.displayName());
		detail.put("role", account.role().name());
		detail.put("gridIds", new TreeSet<>(account.gridIds()));
		detail.put("departmentCode", account.departmentCode());
		detail.put("enabled", account.enabled());
		return detail;
	}

}
