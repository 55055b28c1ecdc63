package org.anju.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops reading a JSON body past {@code anju.http.max-json-body} (1 MB): no form of Anju
 * needs more, and a parser fed without end is a way to exhaust memory. Reading past the
 * limit fails, and {@link ProblemAnswers} answers 413. Uploads go as multipart, with
 * their own limits.
 */
@Component
class JsonBodyLimit extends OncePerRequestFilter {

	private final long maxBytes;

	JsonBodyLimit(@Value("${anju.http.max-json-body:1MB}") DataSize max) {
		this.maxBytes = max.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		chain.doFilter((type != null && type.toLowerCase().contains("json")) ? new Limited(request) : request,
				response);
	}

	/**
	 * A body that reached the limit.
	 */
	static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		private final long maxBytes;

		TooLarge(long maxBytes) {
			super("JSON body over " + maxBytes + " bytes");
			this.maxBytes = maxBytes;
		}

		long maxKilobytes() {
			return this.maxBytes / 1024;
		}

	}

	private final class Limited extends HttpServletRequestWrapper {

		private Limited(HttpServletRequest request) {
			super(request);
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (getContentLengthLong() > JsonBodyLimit.this.maxBytes) {
				throw new TooLarge(JsonBodyLimit.this.maxBytes);
			}
			ServletInputStream body = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int next = body.read();
					count((next < 0) ? 0 : 1);
					return next;
				}

				@Override
				public int read(byte[] buffer, int offset, int length) throws IOException {
					int n = body.read(buffer, offset, length);
					count(Math.max(n, 0));
					return n;
				}

				private void count(int n) throws TooLarge {
					this.read += n;
					if (this.read > JsonBodyLimit.this.maxBytes) {
						throw new TooLarge(JsonBodyLimit.this.maxBytes);
					}
				}

				@Override
				public boolean isFinished() {
					return body.isFinished();
				}

				@Override
				public boolean isReady() {
					return body.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					body.setReadListener(listener);
				}

			};
		}

	}

}
