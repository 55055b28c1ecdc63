package org.anju.duty;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.anju.identity.CurrentUser;
import org.anju.shared.IfMatch;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Posts over HTTP: each with its business and stability duties (一岗双责) and its holder.
 */
@RestController
@RequestMapping("/api/v1/posts")
@Tag(name = "posts", description = "Posts of the units, their two duties and their holders")
@PreAuthorize("hasAuthority('DUTY_READ')")
class PostApi {

	private final Posts posts;

	PostApi(Posts posts) {
		this.posts = posts;
	}

	@GetMapping
	@Operation(summary = "The posts, of one unit or of all")
	Items list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long unitId) {
		return new Items(this.posts.list(user.community(), unitId));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A post with its holder history, the latest first")
	ResponseEntity<Post> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
		Post post = this.posts.get(user.community(), id);
		return ResponseEntity.ok().eTag(IfMatch.etag(post.version())).body(post);
	}

	@PostMapping
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Create a post",
			description = "Body {\"unitId\",\"name\",\"businessDuties\"?,\"stabilityDuties\"}: every post has "
					+ "stability duties (一岗双责).")
	ResponseEntity<Post> create(@AuthenticationPrincipal CurrentUser user, @RequestBody PostBody body) {
		Post post = this.posts.create(user, body.form());
		return ResponseEntity.created(URI.create("/api/v1/posts/" + post.id()))
			.eTag(IfMatch.etag(post.version()))
			.body(post);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Rename a post and rewrite its duties", description = "Its unit stays; needs If-Match.")
	ResponseEntity<Post> update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch, @RequestBody PostBody body) {
		Post post = this.posts.update(user, id, IfMatch.parse(ifMatch).version(), body.form());
		return ResponseEntity.ok().eTag(IfMatch.etag(post.version())).body(post);
	}

	@PutMapping("/{id}/holder")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	@Operation(summary = "Give the post to a staff account, or leave it empty",
			description = "Body {\"userId\"}, null empties the post. Needs If-Match.")
	ResponseEntity<Post> holder(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody HolderBody body) {
		Post post = this.posts.assignHolder(user, id, IfMatch.parse(ifMatch).version(), body.userId());
		return ResponseEntity.ok().eTag(IfMatch.etag(post.version())).body(post);
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('DUTY_MANAGE')")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		this.posts.delete(user, id, IfMatch.parse(ifMatch).version());
		return ResponseEntity.noContent().build();
	}

	record PostBody(@Nullable Long unitId, @Nullable String name, @Nullable String businessDuties,
			@Nullable String stabilityDuties) {

		Posts.PostForm form() {
			return new Posts.PostForm(this.unitId, this.name, this.businessDuties, this.stabilityDuties);
		}

	}

	record HolderBody(@Nullable Long userId) {
	}

	record Items(List<Post> items) {
	}

}
