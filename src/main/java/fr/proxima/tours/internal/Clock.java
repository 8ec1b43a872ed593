package fr.proxima.tours.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "HH:MM" times of the day and their minutes after midnight. */
public final class Clock {

	private static final Pattern TIME = Pattern.compile("([01]?[0-9]|2[0-3])[:h]([0-5][0-9])");

	private Clock() {
	}

	/** Minutes after midnight of "HH:MM" (or "HHhMM"); -1 when it is not a time. */
	public static int parse(String text) {
		Matcher m = TIME.matcher(text == null ? "" : text.trim());
		return m.matches() ? Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)) : -1;
	}

	/**
	 * "HH:MM" of minutes after midnight, rounded to the minute (past 24:00 as 24:10…).
	 */
	public static String text(double minutes) {
		long m = Math.round(minutes);
		return String.format(Locale.ROOT, "%02d:%02d", m / 60, m % 60);
	}

	/** Seconds after midnight as minutes, to 0.01. */
	public static double minutes(double seconds) {
		return round(seconds / 60);
	}

	public static double round(double v) {
		return Math.round(v * 100) / 100.0;
	}

}
