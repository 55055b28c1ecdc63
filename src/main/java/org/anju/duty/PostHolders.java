package org.anju.duty;

import java.util.List;
import java.util.Optional;

import org.anju.shared.CommunityId;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The posts of the community and who holds each now, for a module that names a post
 * instead of a person (a contingency plan's command role), so that whoever holds the post
 * when it is needed is the one asked. Posts are the organisation's, read by any staff
 * member, so this answers to no caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class PostHolders {

	private final Posts posts;

	PostHolders(Posts posts) {
		this.posts = posts;
	}

	/**
	 * @return every post of the community by unit and name; never {@literal null}
	 */
	public List<PostHolder> all(CommunityId community) {
		return this.posts.list(community, null).stream().map(PostHolders::holder).toList();
	}

	/**
	 * @return the post, if there is one of that id
	 */
	public Optional<PostHolder> find(CommunityId community, long postId) {
		return this.posts.find(community, postId).map(PostHolders::holder);
	}

	private static PostHolder holder(Post post) {
		return new PostHolder(post.id(), post.unitName() + " " + post.name(), post.holderId(), post.holderName());
	}

	/**
	 * A post and its holder. A holder whose account was disabled since the last coverage
	 * check may still be named: check the account before giving them work.
	 *
	 * @param name the unit's and the post's name, as 党委 党委书记
	 * @param holderId the account holding the post, or {@code null} while it is empty
	 */
	public record PostHolder(long postId, String name, @Nullable Long holderId, @Nullable String holderName) {
	}

}
