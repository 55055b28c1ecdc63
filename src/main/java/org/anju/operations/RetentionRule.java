package org.anju.operations;

import java.time.Instant;
import java.time.Period;

import org.anju.shared.CommunityId;

/**
 * One kind of record that Anju keeps only for a set period (PIPL article 47). Modules
 * implement it for their records; {@link Retention} runs every rule each night.
 */
public interface RetentionRule {

	/** The rule's name, as the console and the audit trail show it. */
	String name();

	/** How long a record is kept after it ended. */
	Period period();

	/**
	 * Anonymises or deletes one batch of the community's records that ended before
	 * {@code cutoff}, with its audit row. Called in a transaction of its own, again and
	 * again until it finds nothing left.
	 * @return how many records it handled
	 */
	int applyBatch(CommunityId community, Instant cutoff);

}
