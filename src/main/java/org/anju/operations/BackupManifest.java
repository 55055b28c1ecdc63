package org.anju.operations;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a backup holds, written last so that a folder without it is not a backup.
 *
 * @param schemaVersion the migration the database was at; a restore needs the same
 * @param tables each table with its row count and the SHA-256 of its file
 * @param sequences each sequence's state, as {@code setval} takes it back
 */
record BackupManifest(int format, Instant takenAt, String schemaVersion, List<Table> tables,
		Map<String, Sequence> sequences) {

	static final int FORMAT = 1;

	static final String FILE = "manifest.json";

	record Table(String name, long rows, String file, String sha256) {
	}

	/**
	 * @param called whether {@code lastValue} was handed out; if not, it is the next
	 */
	record Sequence(long lastValue, boolean called) {
	}

	long rows() {
		return this.tables.stream().mapToLong(Table::rows).sum();
	}

}
