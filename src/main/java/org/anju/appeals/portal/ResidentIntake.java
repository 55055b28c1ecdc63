package org.anju.appeals.portal;

import java.util.List;

import org.anju.appeals.AppealManagement;
import org.anju.appeals.AppealView;
import org.anju.appeals.ResidentAppeal;
import org.anju.appeals.attachments.AppealAttachments;
import org.anju.appeals.attachments.Photo;
import org.anju.appeals.attachments.Upload;
import org.anju.identity.CurrentUser;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident's appeal and its photos are taken in together or not at all: the photos are
 * checked before anything is written.
 */
@Service
class ResidentIntake {

	private final AppealManagement appeals;

	private final AppealAttachments attachments;

	ResidentIntake(AppealManagement appeals, AppealAttachments attachments) {
		this.appeals = appeals;
		this.attachments = attachments;
	}

	@Transactional
	AppealView submit(CurrentUser resident, ResidentAppeal appeal, List<Upload> uploads) {
		List<Photo> photos = this.attachments.prepare(uploads);
		AppealView submitted = this.appeals.submitAsResident(resident, appeal);
		if (!photos.isEmpty()) {
			this.attachments.attach(resident, submitted.id(), photos);
		}
		return submitted;
	}

}
