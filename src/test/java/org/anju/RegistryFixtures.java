package org.anju;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.anju.identity.CurrentUser;
import org.anju.identity.NewUser;
import org.anju.identity.Role;
import org.anju.identity.UserAccount;
import org.anju.identity.UserManagement;
import org.anju.people.Person;
import org.anju.people.PersonForm;
import org.anju.people.PersonManagement;
import org.anju.places.Place;
import org.anju.places.PlaceKind;
import org.anju.places.PlaceManagement;
import org.anju.shared.CommunityId;
import org.anju.shared.IdNumberFixtures;
import org.jspecify.annotations.Nullable;

/**
 * Places, people and accounts for tests, with names unique in the JVM's shared database
 * and ID numbers whose check digit {@code IdNumber}'s algorithm computed. Built through
 * the modules' public services, as an administrator of community 1.
 */
public final class RegistryFixtures {

	public static final CommunityId COMMUNITY = new CommunityId(1);

	/**
	 * What every account the fixtures open starts with; it must be changed at first
	 * login.
	 */
	public static final String FIRST_PASSWORD = "Start-Pass-1";

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private static final String RUN = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);

	private static final String SURNAMES = "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜";

	private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂";

	private final PlaceManagement places;

	private final @Nullable PersonManagement people;

	private final @Nullable UserManagement users;

	public RegistryFixtures(PlaceManagement places, @Nullable PersonManagement people, @Nullable UserManagement users) {
		this.places = places;
		this.people = people;
		this.users = users;
	}

	/**
	 * @return {@code prefix} made unique in this JVM and unlikely in any other run
	 */
	public static String unique(String prefix) {
		return prefix + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
	}

	/**
	 * @return a Chinese name of a surname and two given characters, at random
	 */
	public static String chineseName() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
				+ GIVEN.charAt(random.nextInt(GIVEN.length()));
	}

	/**
	 * @return a mobile number, unique within the JVM
	 */
	public static String mobile() {
		return "139" + String.format("%08d", (SEQUENCE.incrementAndGet() * 7_919 + 12_345) % 100_000_000);
	}

	/**
	 * @return an administrator as the services see one, without an account behind it
	 */
	public static CurrentUser admin() {
		return new CurrentUser(COMMUNITY.value(), 0, "fixtures", "测试夹具", Role.ADMIN, Set.of(), null, null, false);
	}

	/**
	 * @return a grid worker of the given grids, without an account behind it
	 */
	public static CurrentUser gridWorker(Long... gridIds) {
		return new CurrentUser(COMMUNITY.value(), 0, unique("gw"), "网格员", Role.GRID_WORKER, Set.of(gridIds), null, null,
				false);
	}

	public Place area() {
		return this.places.create(admin(), PlaceKind.AREA, unique("片区"), null);
	}

	public Place grid(Place area) {
		return this.places.create(admin(), PlaceKind.GRID, unique("网格"), area.id());
	}

	public Place building(Place grid) {
		return this.places.create(admin(), PlaceKind.BUILDING, unique("楼"), grid.id());
	}

	public Place room(Place building) {
		return this.places.create(admin(), PlaceKind.ROOM, unique("房"), building.id());
	}

	/**
	 * @return a new area with one grid, one building and one room in it
	 */
	public Street street() {
		Place area = area();
		Place grid = grid(area);
		Place building = building(grid);
		return new Street(area, grid, building, room(building));
	}

	/**
	 * @return a newly registered person in the room, with a phone and a fresh ID number
	 */
	public Person person(long roomId) {
		return person(form(roomId));
	}

	public Person person(PersonForm form) {
		if (this.people == null) {
			throw new IllegalStateException("these fixtures were built without people");
		}
		return this.people.register(admin(), form);
	}

	public static PersonForm form(@Nullable Long roomId) {
		return new PersonForm(chineseName(), IdNumberFixtures.newIdNumber(), mobile(), roomId, List.of("RETIRED"), null,
				"测试单位", null);
	}

	/**
	 * Opens an account whose password is {@link #FIRST_PASSWORD} and must be changed.
	 */
	public UserAccount user(Role role, Set<Long> gridIds, @Nullable String departmentCode, @Nullable Long personId) {
		if (this.users == null) {
			throw new IllegalStateException("these fixtures were built without users");
		}
		// a resident's username is their person's mobile, which the account takes itself
		String username = (role == Role.RESIDENT) ? "" : unique(role.name().toLowerCase().replace('_', '-'));
		return this.users.create(COMMUNITY,
				new NewUser(username, FIRST_PASSWORD, "测试" + role.name(), role, gridIds, departmentCode, personId));
	}

	/**
	 * @return what the account signs in with: its username, or for a resident, whose
	 * username the account shows masked, their person's mobile
	 */
	public String loginName(UserAccount account) {
		if (account.role() != Role.RESIDENT || account.personId() == null) {
			return account.username();
		}
		if (this.people == null) {
			throw new IllegalStateException("these fixtures were built without people");
		}
		return this.people.mobileForMessages(COMMUNITY, account.personId()).orElseThrow().value();
	}

	/**
	 * An area with a grid, a building and a room, each in the one before.
	 */
	public record Street(Place area, Place grid, Place building, Place room) {
	}

}
