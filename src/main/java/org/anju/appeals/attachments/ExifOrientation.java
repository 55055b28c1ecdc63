package org.anju.appeals.attachments;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The one EXIF tag a photo keeps: its orientation (TIFF tag {@code 0x0112}), which says
 * how a phone held sideways wants the picture turned. Everything else in an EXIF block
 * (the GPS directory, the camera, the time) is left behind; a block that cannot be read
 * is left behind whole.
 */
final class ExifOrientation {

	/** The start of an EXIF block in a JPEG's APP1 segment. */
	static final byte[] HEADER = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);

	static final int TAG = 0x0112;

	private static final int SHORT = 3;

	private static final int NORMAL = 1;

	private static final int LAST = 8;

	private ExifOrientation() {
	}

	/**
	 * Reads a JPEG APP1 segment's content, the bytes from {@code from} to {@code to}
	 * after its length.
	 * @return the orientation, {@code 2} to {@code 8}; {@code 0} when the segment is not
	 * EXIF, says the picture stands as stored, or cannot be read
	 */
	static int of(byte[] in, int from, int to) {
		if (to - from < HEADER.length + 8
				|| !ByteBuffer.wrap(in, from, HEADER.length).equals(ByteBuffer.wrap(HEADER))) {
			return 0;
		}
		ByteBuffer tiff = ByteBuffer.wrap(in, from + HEADER.length, to - from - HEADER.length).slice();
		if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
			tiff.order(ByteOrder.LITTLE_ENDIAN);
		}
		else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
			return 0;
		}
		if (tiff.getShort(2) != 42) {
			return 0;
		}
		long ifd = Integer.toUnsignedLong(tiff.getInt(4));
		if (ifd < 8 || ifd + 2 > tiff.limit()) {
			return 0;
		}
		int entries = Short.toUnsignedInt(tiff.getShort((int) ifd));
		for (int i = 0; i < entries; i++) {
			int entry = (int) ifd + 2 + 12 * i;
			if (entry + 12 > tiff.limit()) {
				return 0;
			}
			if (Short.toUnsignedInt(tiff.getShort(entry)) == TAG) {
				int value = Short.toUnsignedInt(tiff.getShort(entry + 8));
				boolean single = tiff.getShort(entry + 2) == SHORT && tiff.getInt(entry + 4) == 1;
				return (single && value > NORMAL && value <= LAST) ? value : 0;
			}
		}
		return 0;
	}

	/**
	 * @return a whole APP1 segment, marker and length included, whose EXIF block holds
	 * the orientation alone
	 */
	static byte[] segment(int orientation) {
		int tiffLength = 8 + 2 + 12 + 4;
		ByteBuffer app1 = ByteBuffer.allocate(4 + HEADER.length + tiffLength);
		app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (2 + HEADER.length + tiffLength)).put(HEADER);
		// big-endian TIFF header, IFD0 at 8 with the one entry, and no further IFD
		app1.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		app1.putShort((short) 1).putShort((short) TAG).putShort((short) SHORT).putInt(1);
		app1.putShort((short) orientation).putShort((short) 0).putInt(0);
		return app1.array();
	}

}
