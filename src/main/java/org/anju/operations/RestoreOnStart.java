package org.anju.operations;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import org.anju.audit.AuditTrail;
import org.anju.shared.CommunityId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code bin/restore}: started with {@code anju.restore.from}, Anju migrates its empty
 * database as on any start, loads the backup into it before anything else runs, and
 * stops, with exit code 0 when the backup is in and 1 when it was refused.
 */
@Component
@ConditionalOnProperty("anju.restore.from")
@Order(Ordered.HIGHEST_PRECEDENCE)
class RestoreOnStart implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(RestoreOnStart.class);

	private final DatabaseBackup backups;

	private final DataSource dataSource;

	private final ConfigurableApplicationContext context;

	private final Path from;

	private final AuditTrail audit;

	private final CommunityId community;

	RestoreOnStart(DatabaseBackup backups, DataSource dataSource, ConfigurableApplicationContext context,
			@Value("${anju.restore.from}") Path from, AuditTrail audit,
			@Value("${anju.community-id:1}") long community) {
		this.backups = backups;
		this.dataSource = dataSource;
		this.context = context;
		this.from = from;
		this.audit = audit;
		this.community = new CommunityId(community);
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		int code;
		try {
			this.backups.restore(this.dataSource, this.from);
			BackupManifest manifest = this.backups.read(this.from);
			// After the load, not in it: the load replaced the audit trail with the
			// backup's.
			this.audit.recordAlone(this.community, "restore", "DATABASE_RESTORED", "BACKUP",
					this.from.getFileName().toString(),
					Map.of("takenAt", manifest.takenAt().toString(), "rows", manifest.rows()));
			log.info("Restored {} rows in {} tables from {}, taken at {}", manifest.rows(), manifest.tables().size(),
					this.from, manifest.takenAt());
			code = 0;
		}
		catch (RestoreRefused ex) {
			log.error("Restore refused, nothing was written: {}", ex.getMessage());
			code = 1;
		}
		int exit = code;
		System.exit(SpringApplication.exit(this.context, () -> exit));
	}

}
