package org.anju.appeals.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;

import org.anju.shared.UploadRejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the photo check lets through and what it strips, on real images made in the test.
 */
class PhotosTests {

	private static final String SCRIPT = "<script>alert(1)</script><html><body onload=alert(1)>";

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
	void aJpegTakenSidewaysKeepsItsOrientationAndLosesItsLocation() throws IOException {
		for (ByteOrder order : List.of(ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN)) {
			byte[] sent = TestPhotos.jpegWithLocationAndOrientation(order, 6);
			assertThat(TestPhotos.contains(sent, TestPhotos.GPS_POINTER_TAG)
					|| TestPhotos.contains(sent, new byte[] { 0x25, (byte) 0x88 }))
				.isTrue();

			Photo photo = Photos.clean(new Upload("IMG_0002.JPG", sent));

			byte[] kept = photo.bytes();
			assertThat(TestPhotos.contains(kept, TestPhotos.GPS_POINTER_TAG)).as(order.toString()).isFalse();
			assertThat(TestPhotos.contains(kept, new byte[] { 0x25, (byte) 0x88 })).isFalse();
			assertThat(TestPhotos.contains(kept, new byte[] { 0, 0, 0, 29, 0, 0, 0, 1 })
					|| TestPhotos.contains(kept, new byte[] { 29, 0, 0, 0, 1, 0, 0, 0 }))
				.as("the latitude")
				.isFalse();
			assertThat(orientation(kept)).as(order.toString()).isEqualTo(6);
			assertThat(ImageIO.read(new ByteArrayInputStream(kept)).getWidth()).isEqualTo(32);
		}
	}

	@Test
	void anUprightOrUnreadableOrientationIsNotKept() {
		assertThat(TestPhotos.contains(
				Photos.clean(new Upload("a.jpg", TestPhotos.jpegWithLocationAndOrientation(ByteOrder.BIG_ENDIAN, 1)))
					.bytes(),
				"Exif"))
			.as("1 means upright: nothing to keep")
			.isFalse();
		assertThat(TestPhotos.contains(
				Photos.clean(new Upload("b.jpg", TestPhotos.jpegWithLocationAndOrientation(ByteOrder.BIG_ENDIAN, 77)))
					.bytes(),
				"Exif"))
			.as("no such orientation")
			.isFalse();
		byte[] broken = TestPhotos.jpegWithLocationAndOrientation(ByteOrder.BIG_ENDIAN, 6);
		// the offset of IFD0 points far beyond the block
		int tiff = indexOf(broken, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)) + 6;
		broken[tiff + 4] = 0x7F;
		Photo photo = Photos.clean(new Upload("c.jpg", broken));
		assertThat(TestPhotos.contains(photo.bytes(), "Exif")).isFalse();
		assertThat(TestPhotos.contains(photo.bytes(), TestPhotos.GPS_POINTER_TAG)).isFalse();
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
	void aScriptHiddenInAJpegCommentOrAfterItsEndIsCutOut() throws IOException {
		byte[] jpeg = TestPhotos.jpegWithLocation();
		byte[] script = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
		ByteBuffer comment = ByteBuffer.allocate(4 + script.length)
			.put((byte) 0xFF)
			.put((byte) 0xFE)
			.putShort((short) (2 + script.length))
			.put(script);
		byte[] attacked = ByteBuffer.allocate(jpeg.length + comment.capacity() + script.length)
			.put(jpeg, 0, 2)
			.put(comment.array())
			.put(jpeg, 2, jpeg.length - 2)
			.put(script)
			.array();

		byte[] cleaned = Photos.clean(new Upload("photo.jpg", attacked)).bytes();

		assertThat(TestPhotos.contains(cleaned, "<script")).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(cleaned)).getWidth()).isEqualTo(32);
	}

	@Test
	void aScriptInAPngChunkOrAfterItsEndIsCutOut() throws IOException {
		byte[] png = TestPhotos.pngWithLocation();
		byte[] script = SCRIPT.getBytes(StandardCharsets.ISO_8859_1);
		// a private ancillary chunk, which no viewer shows and a browser sniffing might
		ByteBuffer chunk = ByteBuffer.allocate(12 + script.length)
			.putInt(script.length)
			.put("scRp".getBytes(StandardCharsets.ISO_8859_1))
			.put(script)
			.putInt(0);
		int afterHeader = 8 + 25;
		byte[] attacked = ByteBuffer.allocate(png.length + chunk.capacity() + script.length)
			.put(png, 0, afterHeader)
			.put(chunk.array())
			.put(png, afterHeader, png.length - afterHeader)
			.put(script)
			.array();

		byte[] cleaned = Photos.clean(new Upload("photo.png", attacked)).bytes();

		assertThat(TestPhotos.contains(cleaned, "<script")).isFalse();
		assertThat(ImageIO.read(new ByteArrayInputStream(cleaned)).getWidth()).isEqualTo(32);
	}

	@Test
	void aPathOrQuotesInTheNameDoNotReachTheHeader() {
		Photo photo = Photos.clean(new Upload("C:\\Users\\x\\\"evil\"\r\n.png", TestPhotos.pngWithLocation()));

		assertThat(photo.fileName()).isEqualTo("evil.png");
	}

	/**
	 * Reads the orientation the way a viewer does: the first EXIF block, its byte order,
	 * IFD0, and the entry tagged 0x0112.
	 */
	private static int orientation(byte[] jpeg) {
		int exif = indexOf(jpeg, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		assertThat(exif).as("an EXIF block").isPositive();
		ByteBuffer tiff = ByteBuffer.wrap(jpeg, exif + 6, jpeg.length - exif - 6).slice();
		tiff.order((tiff.get(0) == 'I') ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
		int ifd = tiff.getInt(4);
		int entries = tiff.getShort(ifd);
		for (int i = 0; i < entries; i++) {
			if (tiff.getShort(ifd + 2 + 12 * i) == 0x0112) {
				return tiff.getShort(ifd + 2 + 12 * i + 8);
			}
		}
		return 0;
	}

	private static int indexOf(byte[] haystack, byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
				return i;
			}
		}
		return -1;
	}

}
