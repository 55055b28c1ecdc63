package org.anju.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.anju.shared.Fingerprint;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a metrics scraper (Prometheus) in with the one shared secret it is configured with
 * ({@code bearer_token_file}), not with a staff account: staff tokens expire within
 * hours, and a scraper must not carry a person's rights. Without a configured secret
 * nobody is let in, so the metrics are closed until an operator opens them.
 */
class ScrapeTokenFilter extends OncePerRequestFilter {

	static final String AUTHORITY = "METRICS_SCRAPE";

	private final byte[] expected;

	ScrapeTokenFilter(String secret) {
		this.expected = secret.isBlank() ? new byte[0] : digest(secret.strip());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (this.expected.length > 0 && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
				&& MessageDigest.isEqual(this.expected, digest(header.substring(7).strip()))) {
			SecurityContextHolder.getContext()
				.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
						List.of(new SimpleGrantedAuthority(AUTHORITY))));
		}
		chain.doFilter(request, response);
	}

	// Comparing digests of equal length keeps the comparison's time independent of the
	// secret's length.
	private static byte[] digest(String text) {
		return Fingerprint.of(text).hex().getBytes(StandardCharsets.US_ASCII);
	}

}
