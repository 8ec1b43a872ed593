package fr.proxima.accounts.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import fr.proxima.shared.InvalidInputException;

/** E-mail addresses are the user names: stored trimmed and in lower case. */
public final class Emails {

	private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private Emails() {
	}

	public static String normalise(String email) {
		return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
	}

	public static String valid(String email) {
		String e = normalise(email);
		if (e.length() > 255 || !SHAPE.matcher(e).matches()) {
			throw new InvalidInputException("Not an e-mail address: '" + email + "'");
		}
		return e;
	}

}
