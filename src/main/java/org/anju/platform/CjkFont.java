package org.anju.platform;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.stereotype.Component;

/**
 * The Chinese font of the PDF reports and their charts (the monthly report, the
 * responsibility letters' assessments): WenQuanYi Micro Hei from Debian's
 * {@code fonts-wqy-microhei} by default (no Maven artifact ships a CJK TrueType font, and
 * the design keeps font files out of the repository), or the file that
 * {@code anju.reporting.cjk-font} names. It is embedded in every PDF (a subset), so the
 * report reads the same on a machine without it. A missing font fails the report with a
 * message saying what to install, and is logged at start-up.
 */
@Component
public class CjkFont {

	private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

	private final String path;

	private volatile BaseFont pdf;

	private volatile Font awt;

	public CjkFont(@Value("${anju.reporting.cjk-font:/usr/share/fonts/truetype/wqy/wqy-microhei.ttc}") String path) {
		this.path = path;
	}

	@EventListener(ApplicationReadyEvent.class)
	void check() {
		if (!new File(this.path).isFile()) {
			log.warn("The Chinese font {} is missing: PDF reports cannot be generated until fonts-wqy-microhei is "
					+ "installed or anju.reporting.cjk-font names another font", this.path);
		}
	}

	/**
	 * @throws MissingFont when the font file is not there
	 */
	public BaseFont pdf() {
		if (this.pdf == null) {
			require();
			try {
				// a collection (.ttc) names its first face with ",0"
				this.pdf = BaseFont.createFont(this.path.endsWith(".ttc") ? this.path + ",0" : this.path,
						BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
			}
			catch (DocumentException | IOException ex) {
				throw new IllegalStateException("cannot read the font " + this.path, ex);
			}
		}
		return this.pdf;
	}

	/**
	 * @throws MissingFont when the font file is not there
	 */
	public Font awt(int style, float size) {
		if (this.awt == null) {
			require();
			try {
				this.awt = Font.createFonts(new File(this.path))[0];
			}
			catch (FontFormatException ex) {
				throw new IllegalStateException("cannot read the font " + this.path, ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return this.awt.deriveFont(style, size);
	}

	private void require() {
		if (!new File(this.path).isFile()) {
			throw new MissingFont(this.path);
		}
	}

	/**
	 * The font file is not installed.
	 */
	public static class MissingFont extends RuntimeException {

		private final String path;

		MissingFont(String path) {
			super("The Chinese font " + path + " is missing: install the Debian package fonts-wqy-microhei "
					+ "or set anju.reporting.cjk-font");
			this.path = path;
		}

		public String path() {
			return this.path;
		}

	}

}
