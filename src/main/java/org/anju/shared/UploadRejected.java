package org.anju.shared;

/**
 * An uploaded file that Anju will not read: too large, of the wrong type, or unsafe.
 */
public class UploadRejected extends RuntimeException {

	private final boolean tooLarge;

	private final String code;

	private final Object[] args;

	private UploadRejected(boolean tooLarge, String code, Object... args) {
		super(code);
		this.tooLarge = tooLarge;
		this.code = code;
		this.args = args;
	}

	public static UploadRejected tooLarge(String code, Object... args) {
		return new UploadRejected(true, code, args);
	}

	public static UploadRejected wrongType(String code, Object... args) {
		return new UploadRejected(false, code, args);
	}

	public boolean tooLarge() {
		return this.tooLarge;
	}

	public String code() {
		return this.code;
	}

	public Object[] args() {
		return this.args;
	}

}
