package fr.proxima.shared;

import java.util.regex.Pattern;

/**
 * Strict decimal numbers for request parameters: an optional minus sign, digits, an
 * optional fraction and exponent. Java's own parsers also take {@code 1.5d},
 * {@code 0x10}, {@code NaN} or {@code Infinity}; a client sending those made a mistake.
 */
public final class Numbers {

	private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");

	private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,18}");

	private Numbers() {
	}

	/**
	 * @throws NumberFormatException unless the text is a finite decimal number
	 */
	public static double parse(String text) {
		if (text == null || !DECIMAL.matcher(text).matches()) {
			throw new NumberFormatException("not a decimal number: " + text);
		}
		double value = Double.parseDouble(text);
		if (!Double.isFinite(value)) {
			throw new NumberFormatException("not a finite number: " + text);
		}
		return value;
	}

	/**
	 * @throws NumberFormatException unless the text is a decimal integer
	 */
	public static long parseLong(String text) {
		if (text == null || !INTEGER.matcher(text).matches()) {
			throw new NumberFormatException("not a decimal integer: " + text);
		}
		return Long.parseLong(text);
	}

}
