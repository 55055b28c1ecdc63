package org.anju.letters;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The live scoreboard of a year's responsibility letters, one standing per recipient unit
 * or post, best first, for the console and the leader dashboard. It answers to no
 * caller's scope: the console filters by reach before it shows a standing.
 */
@Service
@Transactional(readOnly = true)
public class Scoreboard {

	private final Letters letters;

	Scoreboard(Letters letters) {
		this.letters = letters;
	}

	/**
	 * @param year the year the letters' periods start in
	 * @return every letter's standing, the highest total first, a vetoed one after every
	 * other
	 */
	public List<Standing> standings(CommunityId community, int year) {
		return this.letters.all(community, year).stream().map((letter) -> {
			Score score = this.letters.score(community, letter);
			return new Standing(letter.id(), letter.recipient(), letter.recipientUnitId(), letter.recipientPostId(),
					score.total(), score.max(), score.vetoed(), score.signed(), score.frozen());
		})
			.sorted(Comparator.comparing(Standing::vetoed)
				.thenComparing(Standing::total, Comparator.reverseOrder())
				.thenComparing(Standing::letterId))
			.toList();
	}

	/**
	 * One letter's recipient and its assessment.
	 *
	 * @param recipient the unit's name, with the post's when the letter is to a post
	 * @param max the points its scored and veto targets can earn
	 * @param vetoed whether a veto target was missed (一票否决), which makes the total zero
	 * @param signed whether the version scored is signed
	 * @param frozen whether the period is closed
	 */
	public record Standing(long letterId, String recipient, long recipientUnitId, @Nullable Long recipientPostId,
			BigDecimal total, BigDecimal max, boolean vetoed, boolean signed, boolean frozen) {

		/**
		 * @return the console page of the letter, whose score drills down to its rows
		 */
		public String link() {
			return "/letters/" + this.letterId;
		}

	}

}
