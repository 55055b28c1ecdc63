package org.anju.places;

import java.util.List;
import java.util.Map;

import org.anju.RegistryFixtures;
import org.anju.RegistryFixtures.Street;
import org.anju.audit.CommunityOneCallers;
import org.anju.identity.CurrentUser;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.Refused;
import org.anju.shared.StaleVersion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anju.RegistryFixtures.admin;
import static org.anju.RegistryFixtures.gridWorker;
import static org.anju.RegistryFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The places module with the modules whose beans it uses (audit) on the embedded
 * PostgreSQL; platform comes along for the database, and identity's answer to audit's SPI
 * is stood in for. People are not here, so no place has residents.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
@Import(CommunityOneCallers.class)
class PlacesModuleTests {

	@Autowired
	PlaceManagement places;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	RegistryFixtures fixtures;

	@BeforeEach
	void fixtures() {
		this.fixtures = new RegistryFixtures(this.places, null, null);
	}

	@Test
	void aRoomKnowsItsAreaGridAndAddress() {
		Street street = this.fixtures.street();
		Place unit = this.places.create(admin(), PlaceKind.UNIT, "一单元", street.building().id());
		Place room = this.places.create(admin(), PlaceKind.ROOM, "301", unit.id());

		assertThat(room.areaId()).isEqualTo(street.area().id());
		assertThat(room.gridId()).isEqualTo(street.grid().id());
		assertThat(street.grid().gridId()).as("a grid lies in itself").isEqualTo(street.grid().id());
		assertThat(street.area().areaId()).isEqualTo(street.area().id());
		assertThat(this.places.address(RegistryFixtures.COMMUNITY, room.id()))
			.hasValueSatisfying((address) -> assertThat(address.text()).isEqualTo(String.join(" ", street.area().name(),
					street.grid().name(), street.building().name(), "一单元", "301")));
	}

	@Test
	void aPlaceHangsOnlyUnderTheKindAboveIt() {
		Street street = this.fixtures.street();

		assertRefusedAs(() -> this.places.create(admin(), PlaceKind.GRID, unique("网格"), street.grid().id()),
				"place.parent.kind");
		assertRefusedAs(() -> this.places.create(admin(), PlaceKind.ROOM, unique("房"), street.grid().id()),
				"place.parent.kind");
		assertRefusedAs(() -> this.places.create(admin(), PlaceKind.AREA, unique("片区"), street.area().id()),
				"place.parent.none");
		assertRefusedAs(() -> this.places.create(admin(), PlaceKind.BUILDING, unique("楼"), null),
				"place.parent.required");
		assertRefusedAs(() -> this.places.create(admin(), PlaceKind.BUILDING, "  ", street.grid().id()),
				"place.name.length");
	}

	@Test
	void twoPlacesUnderOneParentHaveDifferentNames() {
		Street street = this.fixtures.street();
		Place other = this.fixtures.grid(street.area());

		assertThatThrownBy(
				() -> this.places.create(admin(), PlaceKind.BUILDING, street.building().name(), street.grid().id()))
			.isInstanceOf(Refused.class);
		assertThat(this.places.create(admin(), PlaceKind.BUILDING, street.building().name(), other.id()).name())
			.isEqualTo(street.building().name());
	}

	@Test
	void aRenameBasedOnAnOldVersionIsRefusedWithTheCurrentOne(PublishedEvents events) {
		Place building = this.fixtures.street().building();
		String name = unique("新楼名");

		Place renamed = this.places.rename(admin(), building.id(), building.version(), name);

		assertThat(renamed.name()).isEqualTo(name);
		assertThat(renamed.version()).isEqualTo(building.version() + 1);
		assertThat(events.ofType(PlaceRenamed.class).matching((e) -> e.placeId() == building.id())).hasSize(1);
		assertThatThrownBy(() -> this.places.rename(admin(), building.id(), building.version(), unique("再改")))
			.isInstanceOfSatisfying(StaleVersion.class,
					(ex) -> assertThat(ex.currentVersion()).isEqualTo(renamed.version()));
	}

	@Test
	void everyChangeWritesItsAuditRow() {
		Place room = this.fixtures.street().room();
		this.places.rename(admin(), room.id(), room.version(), unique("改名"));
		this.places.delete(admin(), room.id(), room.version() + 1);

		assertThat(auditActions("PLACE", room.id())).containsExactly("PLACE_CREATED", "PLACE_RENAMED", "PLACE_DELETED");
	}

	@Test
	void aPlaceWithPlacesUnderItIsKept() {
		Street street = this.fixtures.street();

		assertThatThrownBy(() -> this.places.delete(admin(), street.building().id(), street.building().version()))
			.isInstanceOfSatisfying(Refused.class, (ex) -> assertThat(ex.code()).isEqualTo("place.delete.hasChildren"));
		assertThat(this.places.get(admin(), street.building().id())).isNotNull();
	}

	@Test
	void aGridWorkerSeesOnlyTheirGrid() {
		Street mine = this.fixtures.street();
		Street theirs = this.fixtures.street();
		CurrentUser worker = gridWorker(mine.grid().id());

		List<Place> rooms = this.places.list(worker.scope(), PlaceKind.ROOM, null);
		List<Place> grids = this.places.list(worker.scope(), PlaceKind.GRID, null);

		assertThat(rooms).extracting(Place::id).contains(mine.room().id()).doesNotContain(theirs.room().id());
		assertThat(rooms).allSatisfy((room) -> assertThat(room.gridId()).isEqualTo(mine.grid().id()));
		assertThat(grids).extracting(Place::id).containsExactly(mine.grid().id());
		assertThat(this.places.list(worker.scope(), null, theirs.building().id())).isEmpty();
		assertThat(this.places.list(worker.scope(), PlaceKind.AREA, null)).as("an area lies above every grid")
			.isEmpty();
	}

	@Test
	void anotherGridsPlaceAnswersAsIfItDidNotExistAndTheAttemptIsAudited() {
		Street mine = this.fixtures.street();
		Street theirs = this.fixtures.street();
		CurrentUser worker = gridWorker(mine.grid().id());

		assertThatThrownBy(() -> this.places.get(worker, theirs.room().id())).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.places.rename(worker, theirs.building().id(), 0, "x"))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.places.delete(worker, theirs.room().id(), 0)).isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> this.places.create(worker, PlaceKind.ROOM, "101", theirs.building().id()))
			.isInstanceOf(NotFound.class);

		assertThat(this.jdbc.sql("""
				select count(*) from audit_event
				where community_id = 1 and actor = :actor and action = 'ACCESS_DENIED' and subject_type = 'PLACE'
				""").param("actor", worker.username()).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void aGridWorkerBuildsInsideTheirGridButNotTheStructure() {
		Street mine = this.fixtures.street();
		CurrentUser worker = gridWorker(mine.grid().id());

		Place room = this.places.create(worker, PlaceKind.ROOM, unique("房"), mine.building().id());

		assertThat(room.gridId()).isEqualTo(mine.grid().id());
		assertThatThrownBy(() -> this.places.create(worker, PlaceKind.GRID, unique("网格"), mine.area().id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.places.rename(worker, mine.grid().id(), mine.grid().version(), "x"))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void rosterPathsCreateWhatIsMissingOnceAndReuseItAfter() {
		String area = unique("片区");
		PlacePath path = new PlacePath(area, "一网格", "1栋", null, "101");
		PlacePath sibling = new PlacePath(area, "一网格", "1栋", "2单元", "201");

		PlaceTreeChange first = this.transaction
			.execute((status) -> this.places.ensurePaths(RegistryFixtures.COMMUNITY, List.of(path, sibling)));
		PlaceTreeChange again = this.transaction
			.execute((status) -> this.places.ensurePaths(RegistryFixtures.COMMUNITY, List.of(path, sibling)));

		assertThat(first.created()).extracting(PlaceTreeChange.CreatedPlace::kind)
			.containsExactlyInAnyOrder(PlaceKind.AREA, PlaceKind.GRID, PlaceKind.BUILDING, PlaceKind.UNIT,
					PlaceKind.ROOM, PlaceKind.ROOM);
		assertThat(again.created()).isEmpty();
		assertThat(again.addresses()).isEqualTo(first.addresses());
		Address address = first.addresses().get(sibling);
		assertThat(address.text()).isEqualTo(area + " 一网格 1栋 2单元 201");
		Place room = this.places.get(admin(), address.roomId());
		assertThat(room.kind()).isEqualTo(PlaceKind.ROOM);
		assertThat(room.gridId()).isEqualTo(address.gridId()).isNotNull();
	}

	private List<String> auditActions(String subjectType, long subjectId) {
		return this.jdbc.sql("""
				select action from audit_event
				where community_id = 1 and subject_type = :type and subject_id = :id order by id
				""").params(Map.of("type", subjectType, "id", Long.toString(subjectId))).query(String.class).list();
	}

	private static void assertRefusedAs(Runnable attempt, String code) {
		assertThatThrownBy(attempt::run).isInstanceOfSatisfying(InvalidInput.class,
				(ex) -> assertThat(ex.violations()).extracting(InvalidInput.Violation::code).containsExactly(code));
	}

}
