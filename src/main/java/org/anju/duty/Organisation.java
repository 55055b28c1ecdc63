package org.anju.duty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation tree and its posts as other modules read them, such as responsibility
 * letters, which run from a unit to a child unit or post and score the recipient's scope.
 * Callers check their own reach; nothing here names more than a holder.
 */
@Service
@Transactional(readOnly = true)
public class Organisation {

	private final Units units;

	private final Posts posts;

	Organisation(Units units, Posts posts) {
		this.units = units;
		this.posts = posts;
	}

	/**
	 * @return every unit, depth first
	 */
	public List<UnitRef> units(CommunityId community) {
		return this.units.tree(community).stream().map(Organisation::ref).toList();
	}

	/**
	 * @return the unit as the tree holds it (an area under the administration), empty
	 * when there is none of that id
	 */
	public Optional<UnitRef> unit(CommunityId community, long id) {
		return units(community).stream().filter((unit) -> unit.id() == id).findFirst();
	}

	/**
	 * @return the units directly under the unit, in the tree's order
	 */
	public List<UnitRef> children(CommunityId community, long unitId) {
		return units(community).stream().filter((unit) -> Long.valueOf(unitId).equals(unit.parentId())).toList();
	}

	/**
	 * @return the post, empty when there is none of that id
	 */
	public Optional<PostRef> post(CommunityId community, long id) {
		return posts(community, null).stream().filter((post) -> post.id() == id).findFirst();
	}

	/**
	 * @param unitId only the posts of this unit, or every post
	 * @return the posts, by unit and name
	 */
	public List<PostRef> posts(CommunityId community, @Nullable Long unitId) {
		return this.posts.list(community, unitId).stream().map(Organisation::ref).toList();
	}

	/**
	 * @return the posts the account holds
	 */
	public List<PostRef> heldBy(CommunityId community, long userId) {
		return this.posts.heldBy(community, userId).stream().map(Organisation::ref).toList();
	}

	private static UnitRef ref(Unit unit) {
		return new UnitRef(unit.id(), unit.kind().name(), unit.nameZh(), unit.nameEn(), unit.parentId(),
				unit.departmentCode(), unit.depth());
	}

	private static PostRef ref(Post post) {
		return new PostRef(post.id(), post.unitId(), post.unitName(), post.name(), post.holderId(), post.holderName());
	}

	/**
	 * A unit of the tree.
	 *
	 * @param kind {@code PARTY_COMMITTEE}, {@code ADMINISTRATION}, {@code TRADE_UNION},
	 * {@code YOUTH_LEAGUE}, {@code DEPARTMENT}, {@code OFFICE}, {@code AREA} or
	 * {@code GRID}; an area's or grid's id is its place's
	 * @param departmentCode the department a {@code DEPARTMENT} unit stands for
	 * @param depth how far below a root the unit sits, for showing the tree in a list
	 */
	public record UnitRef(long id, String kind, String nameZh, String nameEn, @Nullable Long parentId,
			@Nullable String departmentCode, int depth) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
		}

	}

	/**
	 * A post of a unit and who holds it.
	 */
	public record PostRef(long id, long unitId, String unitName, String name, @Nullable Long holderId,
			@Nullable String holderName) {
	}

}
