package org.anju.operations;

import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backups of the whole database, taken while Anju runs and people keep working. The files
 * stay on the server, under {@code anju.backup.dir}; copying them elsewhere is the
 * operator's job.
 */
@RestController
@RequestMapping("/api/v1/backups")
@PreAuthorize("hasAuthority('SYSTEM_BACKUP')")
@Tag(name = "backups", description = "Consistent backups of the whole database, restored with bin/restore")
class BackupApi {

	private final DatabaseBackup backups;

	private final AuditTrail audit;

	BackupApi(DatabaseBackup backups, AuditTrail audit) {
		this.backups = backups;
		this.audit = audit;
	}

	@PostMapping
	@Operation(summary = "Take a backup now",
			description = "One snapshot of every table, written with COPY; writes go on meanwhile.")
	ResponseEntity<Backup> take(@AuthenticationPrincipal CurrentUser caller) throws IOException, SQLException {
		Backup taken = Backup.of(this.backups.backup());
		this.audit.recordAlone(caller.community(), caller.actor(), "DATABASE_BACKED_UP", "BACKUP", taken.name(),
				Map.of("tables", taken.tables(), "rows", taken.rows(), "schemaVersion", taken.schemaVersion()));
		return ResponseEntity.created(URI.create("/api/v1/backups/" + taken.name())).body(taken);
	}

	@GetMapping
	@Operation(summary = "The finished backups, newest first")
	List<Backup> list() throws IOException {
		return this.backups.list().stream().map(Backup::of).toList();
	}

	/**
	 * A finished backup as the API shows it.
	 */
	record Backup(String name, Instant takenAt, String schemaVersion, int tables, long rows, long bytes) {

		static Backup of(DatabaseBackup.Taken taken) {
			BackupManifest manifest = taken.manifest();
			return new Backup(taken.folder().getFileName().toString(), manifest.takenAt(), manifest.schemaVersion(),
					manifest.tables().size(), manifest.rows(), taken.bytes());
		}

	}

}
