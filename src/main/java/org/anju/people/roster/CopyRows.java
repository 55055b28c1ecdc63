package org.anju.people.roster;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a PostgreSQL {@code COPY ... from stdin} in its text format, in large
 * chunks: the fastest way to bring many rows into a table.
 */
final class CopyRows {

	private static final int CHUNK = 256 * 1024;

	private final CopyIn copy;

	private final StringBuilder buffer = new StringBuilder(CHUNK + 4096);

	private boolean first = true;

	CopyRows(CopyIn copy) {
		this.copy = copy;
	}

	CopyRows value(@Nullable Object value) {
		separate();
		if (value == null) {
			this.buffer.append("\\N");
		}
		else {
			escape(String.valueOf(value));
		}
		return this;
	}

	/**
	 * Writes a {@code text[]} value.
	 */
	CopyRows array(Collection<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (String value : values) {
			if (literal.length() > 1) {
				literal.append(',');
			}
			literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
		}
		return value(literal.append('}').toString());
	}

	void endRow() throws SQLException {
		this.buffer.append('\n');
		this.first = true;
		if (this.buffer.length() >= CHUNK) {
			flush();
		}
	}

	/**
	 * @return how many rows the database took
	 */
	long finish() throws SQLException {
		flush();
		return this.copy.endCopy();
	}

	private void separate() {
		if (!this.first) {
			this.buffer.append('\t');
		}
		this.first = false;
	}

	private void escape(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '\\' -> this.buffer.append("\\\\");
				case '\t' -> this.buffer.append("\\t");
				case '\n' -> this.buffer.append("\\n");
				case '\r' -> this.buffer.append("\\r");
				default -> this.buffer.append(c);
			}
		}
	}

	private void flush() throws SQLException {
		if (this.buffer.isEmpty()) {
			return;
		}
		byte[] bytes = this.buffer.toString().getBytes(StandardCharsets.UTF_8);
		this.copy.writeToCopy(bytes, 0, bytes.length);
		this.buffer.setLength(0);
	}

}
