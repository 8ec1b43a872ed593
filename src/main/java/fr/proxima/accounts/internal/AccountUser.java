package fr.proxima.accounts.internal;

import java.util.List;

import org.springframework.security.core.userdetails.User;

/** The signed-in user kept in the session: only its id matters, the rest is reloaded. */
class AccountUser extends User {

	final long id;

	AccountUser(long id, String email, String passwordHash, boolean enabled) {
		super(email, passwordHash, enabled, true, true, true, List.of());
		this.id = id;
	}

}
