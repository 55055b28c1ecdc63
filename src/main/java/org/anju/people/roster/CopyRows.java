package org.anju.people.roster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Collection;

import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * Writes rows to a PostgreSQL {@code COPY ... from stdin} in its text format: the fastest
 * way to bring many rows into a table. Rows are sent in chunks of a few dozen kilobytes
 * as they are written, so that the database files one chunk while the next is built.
 */
final class CopyRows implements AutoCloseable {

	private static final int CHUNK = 64 * 1024;

	private final CopyIn copy;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(CHUNK + 4096);

	CopyRows(CopyIn copy) {
		this.copy = copy;
	}

	/**
	 * Writes a row made by {@link Line#end()}.
	 */
	void write(byte[] line) throws SQLException {
		this.buffer.writeBytes(line);
		if (this.buffer.size() >= CHUNK) {
			send();
		}
	}

	private void send() throws SQLException {
		if (this.buffer.size() == 0) {
			return;
		}
		this.copy.writeToCopy(this.buffer.toByteArray(), 0, this.buffer.size());
		this.buffer.reset();
	}

	/**
	 * @return how many rows the database took
	 */
	long finish() throws SQLException {
		send();
		return this.copy.endCopy();
	}

	/**
	 * Abandons the copy if it did not finish, so that the connection can roll back.
	 */
	@Override
	public void close() throws SQLException {
		if (this.copy.isActive()) {
			this.copy.cancelCopy();
		}
	}

	/**
	 * One row in {@code COPY}'s text format: values separated by tabs, escaped, with
	 * {@code \N} for {@code null}.
	 */
	static final class Line {

		private final StringBuilder text = new StringBuilder(512);

		private boolean first = true;

		Line value(@Nullable Object value) {
			if (!this.first) {
				this.text.append('\t');
			}
			this.first = false;
			if (value == null) {
				this.text.append("\\N");
			}
			else {
				escape(String.valueOf(value));
			}
			return this;
		}

		/**
		 * Adds a {@code text[]} value.
		 */
		Line array(Collection<String> values) {
			StringBuilder literal = new StringBuilder("{");
			for (String value : values) {
				if (literal.length() > 1) {
					literal.append(',');
				}
				literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
			}
			return value(literal.append('}').toString());
		}

		/**
		 * @return the row, ended by a newline, in UTF-8
		 */
		byte[] end() {
			return this.text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
		}

		private void escape(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> this.text.append("\\\\");
					case '\t' -> this.text.append("\\t");
					case '\n' -> this.text.append("\\n");
					case '\r' -> this.text.append("\\r");
					default -> this.text.append(c);
				}
			}
		}

	}

}
