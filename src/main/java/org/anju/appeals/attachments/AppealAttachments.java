package org.anju.appeals.attachments;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anju.appeals.AppealManagement;
import org.anju.audit.AuditTrail;
import org.anju.identity.CurrentUser;
import org.anju.shared.CommunityId;
import org.anju.shared.InvalidInput;
import org.anju.shared.NotFound;
import org.anju.shared.UploadRejected;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The photos of an appeal: at most three, each a JPEG or PNG of at most 5 MB without its
 * location. Whoever reaches the appeal (staff by their reach, the resident who brought
 * it) reaches its photos; anyone else is answered as if it did not exist.
 */
@Service
@Transactional
public class AppealAttachments {

	/** How many photos one appeal may carry. */
	public static final int MAX_PER_APPEAL = 3;

	/** The largest photo, in megabytes. */
	public static final int MAX_MEGABYTES = Photos.MAX_MEGABYTES;

	private static final String COLUMNS = "id, appeal_id, file_name, content_type, size_bytes, created_at";

	private final JdbcClient jdbc;

	private final AppealManagement appeals;

	private final AuditTrail audit;

	AppealAttachments(JdbcClient jdbc, AppealManagement appeals, AuditTrail audit) {
		this.jdbc = jdbc;
		this.appeals = appeals;
		this.audit = audit;
	}

	/**
	 * Checks uploads and strips their metadata, before anything is written.
	 * @throws InvalidInput for more than {@value #MAX_PER_APPEAL} photos
	 * @throws UploadRejected for a photo too large, or not a JPEG or PNG
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<Photo> prepare(List<Upload> uploads) {
		if (uploads.size() > MAX_PER_APPEAL) {
			throw new InvalidInput("photos", "attachment.tooMany", MAX_PER_APPEAL);
		}
		List<Photo> photos = new ArrayList<>();
		for (Upload upload : uploads) {
			photos.add(Photos.clean(upload));
		}
		return photos;
	}

	/**
	 * Attaches photos to an appeal the user reaches, with an audit row for each.
	 * @throws NotFound when the appeal is beyond the user's reach
	 * @throws InvalidInput when the appeal would carry more than {@value #MAX_PER_APPEAL}
	 */
	public List<Attachment> attach(CurrentUser user, long appealId, List<Photo> photos) {
		this.appeals.get(user, appealId);
		CommunityId community = user.community();
		// two uploads at once must not both find room for their photos
		this.jdbc.sql("select id from appeal where community_id = :c and id = :id for update")
			.param("c", community.value())
			.param("id", appealId)
			.query(Long.class)
			.single();
		int present = this.jdbc
			.sql("select count(*)::int from appeal_attachment where community_id = :c and appeal_id = :a")
			.param("c", community.value())
			.param("a", appealId)
			.query(Integer.class)
			.single();
		if (present + photos.size() > MAX_PER_APPEAL) {
			throw new InvalidInput("photos", "attachment.tooMany", MAX_PER_APPEAL);
		}
		List<Attachment> attached = new ArrayList<>();
		for (Photo photo : photos) {
			Attachment attachment = this.jdbc.sql("""
					insert into appeal_attachment (community_id, appeal_id, file_name, content_type, size_bytes,
					                               content, created_by)
					values (:c, :a, :name, :type, :size, :content, :by)
					returning\s""" + COLUMNS)
				.param("c", community.value())
				.param("a", appealId)
				.param("name", photo.fileName())
				.param("type", photo.contentType())
				.param("size", photo.bytes().length)
				.param("content", photo.bytes())
				.param("by", user.actor())
				.query(AppealAttachments::attachment)
				.single();
			this.audit.record(community, "APPEAL_ATTACHMENT_ADDED", "APPEAL", appealId, Map.of("attachmentId",
					attachment.id(), "contentType", photo.contentType(), "size", attachment.size()));
			attached.add(attachment);
		}
		return attached;
	}

	/**
	 * @return the appeal's photos, oldest first
	 * @throws NotFound when the appeal is beyond the user's reach
	 */
	@Transactional(readOnly = true)
	public List<Attachment> list(CurrentUser user, long appealId) {
		this.appeals.get(user, appealId);
		return this.jdbc
			.sql("select " + COLUMNS + " from appeal_attachment where community_id = :c and appeal_id = :a order by id")
			.param("c", user.communityId())
			.param("a", appealId)
			.query(AppealAttachments::attachment)
			.list();
	}

	/**
	 * @throws NotFound when the appeal is beyond the user's reach, or has no such photo
	 */
	@Transactional(readOnly = true)
	public AttachmentContent open(CurrentUser user, long appealId, long attachmentId) {
		this.appeals.get(user, appealId);
		return this.jdbc
			.sql("select " + COLUMNS + ", content from appeal_attachment "
					+ "where community_id = :c and appeal_id = :a and id = :id")
			.param("c", user.communityId())
			.param("a", appealId)
			.param("id", attachmentId)
			.query((rs, n) -> new AttachmentContent(attachment(rs, n), rs.getBytes("content")))
			.optional()
			.orElseThrow(() -> new NotFound("attachment", attachmentId));
	}

	private static Attachment attachment(ResultSet rs, int row) throws SQLException {
		return new Attachment(rs.getLong("id"), rs.getLong("appeal_id"), rs.getString("file_name"),
				rs.getString("content_type"), rs.getInt("size_bytes"), rs.getTimestamp("created_at").toInstant());
	}

}
