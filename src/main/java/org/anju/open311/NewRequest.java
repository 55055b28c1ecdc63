package org.anju.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The parameters of POST requests that Anju uses, as sent. The spec's location is one of
 * {@code lat} and {@code long}, {@code address_string} or {@code address_id}; Anju has no
 * address register to look an {@code address_id} up in, so it takes the first two.
 * {@code email}, {@code device_id}, {@code account_id} and {@code attribute[..]} are not
 * kept: appeals are answered by phone or text message, and no personal data is kept that
 * nothing uses.
 */
record NewRequest(@Nullable String serviceCode, @Nullable String latText, @Nullable String longText,
		@Nullable String addressString, @Nullable String firstName, @Nullable String lastName, @Nullable String phone,
		@Nullable String description, @Nullable String mediaUrl) {

	static final int ADDRESS_MAX = 300;

	static final int MEDIA_URL_MAX = 500;

	/**
	 * @return every parameter that breaks a rule, as the errors of one 400 answer
	 */
	List<GeoReportError.Problem> problems() {
		List<GeoReportError.Problem> problems = new ArrayList<>();
		boolean hasLatLong = present(this.latText) || present(this.longText);
		if (hasLatLong && (lat() == null || longitude() == null)) {
			problems.add(new GeoReportError.Problem("open311.error.latLong"));
		}
		if (!hasLatLong && !present(this.addressString)) {
			problems.add(new GeoReportError.Problem("open311.error.locationMissing"));
		}
		if (present(this.addressString) && this.addressString.strip().length() > ADDRESS_MAX) {
			problems.add(new GeoReportError.Problem("open311.error.addressLength", ADDRESS_MAX));
		}
		if (!present(this.description)) {
			problems.add(new GeoReportError.Problem("open311.error.descriptionMissing"));
		}
		else if (this.description.strip().length() > ServiceRequests.DESCRIPTION_MAX) {
			problems
				.add(new GeoReportError.Problem("open311.error.descriptionLength", ServiceRequests.DESCRIPTION_MAX));
		}
		if (callerName() == null) {
			problems.add(new GeoReportError.Problem("open311.error.nameMissing"));
		}
		if (present(this.mediaUrl) && !webAddress(this.mediaUrl.strip())) {
			problems.add(new GeoReportError.Problem("open311.error.mediaUrl", MEDIA_URL_MAX));
		}
		return problems;
	}

	/**
	 * @return the latitude, if it is a WGS84 latitude
	 */
	@Nullable Double lat() {
		return coordinate(this.latText, 90);
	}

	/**
	 * @return the longitude, if it is a WGS84 longitude
	 */
	@Nullable Double longitude() {
		return coordinate(this.longText, 180);
	}

	/**
	 * A Chinese name is written family name first and without a space (张 and 伟 make 张伟);
	 * other names given name first.
	 * @return the caller's name from {@code first_name} and {@code last_name}, or
	 * {@literal null} when both are blank
	 */
	@Nullable String callerName() {
		String first = present(this.firstName) ? this.firstName.strip() : "";
		String last = present(this.lastName) ? this.lastName.strip() : "";
		if (first.isEmpty() && last.isEmpty()) {
			return null;
		}
		if ((first + last).codePoints().anyMatch(Character::isIdeographic)) {
			return last + first;
		}
		return (first + " " + last).strip();
	}

	/**
	 * The appeal's description: what was sent, then where and the photo, so that staff
	 * see it all on the appeal. It is written in the community's language, Chinese, for
	 * the staff who read it, whatever language the sender asked for.
	 */
	String appealDescription() {
		StringBuilder text = new StringBuilder(String.valueOf(this.description).strip());
		if (present(this.addressString)) {
			text.append("\n\n地址：").append(this.addressString.strip());
		}
		if (lat() != null && longitude() != null) {
			text.append(present(this.addressString) ? "\n" : "\n\n")
				.append("坐标（WGS84）：")
				.append(lat())
				.append(", ")
				.append(longitude());
		}
		if (present(this.mediaUrl)) {
			text.append("\n图片：").append(this.mediaUrl.strip());
		}
		return text.toString();
	}

	private static @Nullable Double coordinate(@Nullable String text, double limit) {
		if (!present(text)) {
			return null;
		}
		try {
			double value = Double.parseDouble(text.strip());
			return (Double.isFinite(value) && Math.abs(value) <= limit) ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static boolean webAddress(String text) {
		if (text.length() > MEDIA_URL_MAX) {
			return false;
		}
		try {
			URI uri = new URI(text);
			return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
