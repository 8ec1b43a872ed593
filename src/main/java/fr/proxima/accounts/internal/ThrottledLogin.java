package fr.proxima.accounts.internal;

import java.time.Duration;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in ({@link DaoAuthenticationProvider}) behind the {@link LoginThrottle}:
 * a throttled account or address is refused before its password is even checked.
 */
class ThrottledLogin implements AuthenticationProvider {

	/** Sign-in refused for a while after too many failures. */
	static class ThrottledException extends AuthenticationException {

		final Duration retryAfter;

		ThrottledException(Duration retryAfter) {
			super("Too many failed sign-ins: try again in " + Math.max(1, retryAfter.toMinutes()) + " minute(s)");
			this.retryAfter = retryAfter;
		}

	}

	private final DaoAuthenticationProvider passwords;

	private final LoginThrottle throttle;

	ThrottledLogin(DaoAuthenticationProvider passwords, LoginThrottle throttle) {
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String account = Emails.normalise(authentication.getName());
		String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress()
				: "unknown";
		Duration wait = throttle.wait(account, address);
		if (!wait.isZero()) {
			throw new ThrottledException(wait);
		}
		try {
			Authentication done = passwords.authenticate(authentication);
			throttle.succeeded(account);
			return done;
		}
		catch (BadCredentialsException e) {
			throttle.failed(account, address);
			throw e;
		}
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
