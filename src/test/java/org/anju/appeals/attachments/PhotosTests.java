package org.anju.appeals.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.anju.shared.UploadRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the photo check lets through and what it strips, on real images made in the test.
 */
class PhotosTests {

	@Test
	void aJpegLosesItsExifWithTheGpsDirectoryAndStillShowsThePicture() throws IOException {
		byte[] sent = TestPhotos.jpegWithLocation();
		assertThat(TestPhotos.contains(sent, "Exif")).as("the test photo carries EXIF").isTrue();
		assertThat(TestPhotos.contains(sent, TestPhotos.GPS_POINTER_TAG)).isTrue();

		Photo photo = Photos.clean(new Upload("IMG_0001.JPG", sent));

		assertThat(photo.contentType()).isEqualTo("image/jpeg");
		assertThat(photo.fileName()).isEqualTo("IMG_0001.jpg");
		assertThat(TestPhotos.contains(photo.bytes(), "Exif")).isFalse();
		assertThat(TestPhotos.contains(photo.bytes(), TestPhotos.GPS_POINTER_TAG)).isFalse();
		assertThat(photo.bytes().length).isLessThan(sent.length);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo.bytes()));
		assertThat(image.getWidth()).isEqualTo(32);
		assertThat(image.getHeight()).isEqualTo(24);
	}

	@Test
	void aPngLosesItsExifChunk() throws IOException {
		byte[] sent = TestPhotos.pngWithLocation();
		assertThat(TestPhotos.contains(sent, "eXIf")).isTrue();

		Photo photo = Photos.clean(new Upload("scan.png", sent));

		assertThat(photo.contentType()).isEqualTo("image/png");
		assertThat(TestPhotos.contains(photo.bytes(), "eXIf")).isFalse();
		assertThat(TestPhotos.contains(photo.bytes(), TestPhotos.GPS_POINTER_TAG)).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(photo.bytes())).getWidth()).isEqualTo(32);
	}

	@Test
	void theTypeComesFromTheBytesNotTheName() {
		Photo png = Photos.clean(new Upload("looks-like.jpg", TestPhotos.pngWithLocation()));
		assertThat(png.contentType()).isEqualTo("image/png");
		assertThat(png.fileName()).isEqualTo("looks-like.png");

		assertThatThrownBy(() -> Photos.clean(new Upload("photo.jpg", "这不是照片".getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(UploadRejected.class, (ex) -> {
				assertThat(ex.tooLarge()).isFalse();
				assertThat(ex.code()).isEqualTo("attachment.type");
			});
	}

	@Test
	void aCutOffJpegIsRefused() {
		byte[] whole = TestPhotos.jpegWithLocation();
		byte[] cut = Arrays.copyOf(whole, 40);

		assertThatThrownBy(() -> Photos.clean(new Upload("cut.jpg", cut))).isInstanceOfSatisfying(UploadRejected.class,
				(ex) -> assertThat(ex.code()).isEqualTo("attachment.broken"));
	}

	@Test
	void aPhotoOverFiveMegabytesIsRefusedAsTooLarge() {
		byte[] big = Arrays.copyOf(TestPhotos.jpegWithLocation(), Photos.MAX_BYTES + 1);

		assertThatThrownBy(() -> Photos.clean(new Upload("big.jpg", big))).isInstanceOfSatisfying(UploadRejected.class,
				(ex) -> assertThat(ex.tooLarge()).isTrue());
	}

	@Test
	void aPathOrQuotesInTheNameDoNotReachTheHeader() {
		Photo photo = Photos.clean(new Upload("C:\\Users\\x\\\"evil\"\r\n.png", TestPhotos.pngWithLocation()));

		assertThat(photo.fileName()).isEqualTo("evil.png");
	}

}
