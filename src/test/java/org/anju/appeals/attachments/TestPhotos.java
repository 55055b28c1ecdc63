package org.anju.appeals.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Real photos for tests, made here: a JPEG and a PNG drawn with ImageIO, each carrying an
 * EXIF block with a GPS directory (latitude N 29° 22′), as a phone writes one, and a JPEG
 * that also says how it is turned.
 */
public final class TestPhotos {

	/**
	 * The TIFF tag that points to the GPS directory, as it stands in big-endian bytes.
	 */
	static final byte[] GPS_POINTER_TAG = { (byte) 0x88, 0x25 };

	private TestPhotos() {
	}

	/**
	 * @return a 32 × 24 JPEG with an APP1 EXIF segment holding a GPS directory
	 */
	public static byte[] jpegWithLocation() {
		return jpeg(tiffWithGps());
	}

	/**
	 * @return a 32 × 24 JPEG with an APP1 EXIF segment, in the byte order given, holding
	 * an orientation (TIFF tag 0x0112) and a GPS directory, as a phone held sideways
	 * writes it
	 */
	public static byte[] jpegWithLocationAndOrientation(ByteOrder order, int orientation) {
		return jpeg(tiffWithGpsAndOrientation(order, orientation));
	}

	private static byte[] jpeg(byte[] tiff) {
		byte[] jpeg = encode("jpg");
		ByteBuffer app1 = ByteBuffer.allocate(4 + 6 + tiff.length);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + 6 + tiff.length));
		app1.put("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
		return join(slice(jpeg, 0, 2), app1.array(), slice(jpeg, 2, jpeg.length));
	}

	/**
	 * @return a 32 × 24 PNG with an {@code eXIf} chunk holding a GPS directory, before
	 * its image data
	 */
	public static byte[] pngWithLocation() {
		byte[] png = encode("png");
		byte[] tiff = tiffWithGps();
		ByteBuffer chunk = ByteBuffer.allocate(12 + tiff.length);
		chunk.putInt(tiff.length).put("eXIf".getBytes(StandardCharsets.ISO_8859_1)).put(tiff);
		CRC32 crc = new CRC32();
		crc.update(chunk.array(), 4, 4 + tiff.length);
		chunk.putInt((int) crc.getValue());
		// after the signature (8) and IHDR (12 + 13)
		int afterHeader = 8 + 25;
		return join(slice(png, 0, afterHeader), chunk.array(), slice(png, afterHeader, png.length));
	}

	static boolean contains(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

	static boolean contains(byte[] haystack, String ascii) {
		return contains(haystack, ascii.getBytes(StandardCharsets.ISO_8859_1));
	}

	private static byte[] encode(String format) {
		BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0xB4, 0x23, 0x18));
		g.fillRect(0, 0, 32, 24);
		g.setColor(Color.WHITE);
		g.fillRect(8, 6, 16, 12);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A big-endian TIFF block: IFD0 with one entry, the pointer to the GPS directory; the
	 * GPS directory with the latitude's reference and value.
	 */
	private static byte[] tiffWithGps() {
		ByteBuffer tiff = ByteBuffer.allocate(80);
		tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
		// IFD0 at 8: one entry, GPSInfo (0x8825), LONG, 1, offset of the GPS directory
		tiff.putShort((short) 1).put(GPS_POINTER_TAG).putShort((short) 4).putInt(1).putInt(26).putInt(0);
		// GPS directory at 26: GPSLatitudeRef "N", GPSLatitude 3 rationals at 56
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(56);
		tiff.putInt(0);
		tiff.putInt(29).putInt(1).putInt(22).putInt(1).putInt(0).putInt(1);
		return tiff.array();
	}

	/**
	 * Like {@link #tiffWithGps()} with a second entry in IFD0 before the GPS pointer, as
	 * TIFF sorts them: Orientation (0x0112), SHORT, 1.
	 */
	private static byte[] tiffWithGpsAndOrientation(ByteOrder order, int orientation) {
		ByteBuffer tiff = ByteBuffer.allocate(92).order(order);
		tiff.put((order == ByteOrder.BIG_ENDIAN) ? "MM".getBytes(StandardCharsets.ISO_8859_1)
				: "II".getBytes(StandardCharsets.ISO_8859_1));
		tiff.putShort((short) 42).putInt(8);
		tiff.putShort((short) 2);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38).putInt(0);
		// GPS directory at 38: GPSLatitudeRef "N", GPSLatitude 3 rationals at 68
		tiff.putShort((short) 2);
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] { 'N', 0, 0, 0 });
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
		tiff.putInt(0);
		tiff.putInt(29).putInt(1).putInt(22).putInt(1).putInt(0).putInt(1);
		return tiff.array();
	}

	private static byte[] slice(byte[] bytes, int from, int to) {
		byte[] part = new byte[to - from];
		System.arraycopy(bytes, from, part, 0, part.length);
		return part;
	}

	private static byte[] join(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
