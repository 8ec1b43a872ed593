package fr.proxima.accounts.internal;

import fr.proxima.accounts.AccountSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The first start creates the first admin from {@code PROXIMA_ADMIN_EMAIL}: with
 * {@code PROXIMA_ADMIN_PASSWORD} when given, otherwise with a one-time setup link written
 * to the log. Nothing happens once an enabled admin exists; there is no default password.
 */
@Component
class FirstAdmin {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final Users users;

	private final AccountService accounts;

	private final AccountSettings settings;

	FirstAdmin(Users users, AccountService accounts, AccountSettings settings) {
		this.users = users;
		this.accounts = accounts;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createFirstAdmin() {
		if (users.anyEnabledAdmin()) {
			return;
		}
		if (settings.adminEmail().isBlank()) {
			log.warn("No admin account yet: set PROXIMA_ADMIN_EMAIL (and PROXIMA_ADMIN_PASSWORD, or follow the"
					+ " setup link the next start writes here) to create the first one");
			return;
		}
		String hash = null;
		if (!settings.adminPassword().isEmpty()) {
			try {
				hash = accounts.hash(settings.adminPassword());
			}
			catch (RuntimeException e) {
				log.error("PROXIMA_ADMIN_PASSWORD refused ({}); a setup link is written instead", e.getMessage());
			}
		}
		long id = accounts.ensureAdmin(settings.adminEmail(), hash);
		if (hash != null) {
			log.info("First admin {} created with the password of PROXIMA_ADMIN_PASSWORD", settings.adminEmail());
		}
		else {
			AccountService.Invitation link = accounts.newSetupLink(id);
			log.warn("First admin {} created: choose its password before {} at {}",
					Emails.normalise(settings.adminEmail()), link.linkExpiresAt(), link.setupLink());
		}
	}

}
