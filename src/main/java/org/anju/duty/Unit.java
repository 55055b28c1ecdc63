package org.anju.duty;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A unit of the organisation tree. Areas and grids carry their place's id and version.
 *
 * @param seeded whether the unit came with the community (or from the places tree) and
 * cannot be renamed or deleted here
 * @param depth how far below a root the unit sits in the tree
 */
record Unit(long id, UnitKind kind, String nameZh, String nameEn, @Nullable Long parentId,
		@Nullable String departmentCode, boolean seeded, long version, int depth) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.nameEn : this.nameZh;
	}

	Unit at(int depth) {
		return new Unit(this.id, this.kind, this.nameZh, this.nameEn, this.parentId, this.departmentCode, this.seeded,
				this.version, depth);
	}

}
