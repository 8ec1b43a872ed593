package fr.proxima.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import fr.proxima.accounts.AccountSettings;
import fr.proxima.accounts.Actor;
import fr.proxima.accounts.Permissions;
import fr.proxima.accounts.Role;
import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Passwords, personal tokens, setup links and the admin's changes to users. */
@Service
public class AccountService {

	/** A new token: its secret is in this answer only. */
	public record NewToken(long id, String name, String token, String prefix, OffsetDateTime expiresAt) {
	}

	/** A new user: its setup link is in this answer only. */
	public record Invitation(Users.UserRow user, String setupLink, OffsetDateTime linkExpiresAt) {
	}

	private final Users users;

	private final Tokens tokens;

	private final PasswordEncoder encoder;

	private final AccountSettings settings;

	private final Environment environment;

	AccountService(Users users, Tokens tokens, PasswordEncoder encoder, AccountSettings settings,
			Environment environment) {
		this.users = users;
		this.tokens = tokens;
		this.encoder = encoder;
		this.settings = settings;
		this.environment = environment;
	}

	/**
	 * Where setup links point: {@code proxima.accounts.base-url}, else
	 * {@code proxima.public-url}, else this server on localhost (the port it listens on).
	 */
	private String linkBase() {
		String publicUrl = environment.getProperty("proxima.public-url", "");
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		String base = !settings.baseUrl().isBlank() ? settings.baseUrl()
				: !publicUrl.isBlank() ? publicUrl : "http://localhost:" + port;
		return base.strip().replaceAll("/+$", "");
	}

	/** The password hashed by the delegating encoder, after checking its length. */
	public String hash(String password) {
		if (password == null || password.length() < settings.minPasswordLength()) {
			throw new InvalidInputException(
					"A password needs at least " + settings.minPasswordLength() + " characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
			throw new InvalidInputException("A password is limited to 72 bytes (bcrypt reads no further)");
		}
		return encoder.encode(password);
	}

	@Transactional
	public void changePassword(Actor actor, String current, String replacement) {
		Users.Login login = users.login(actor.userId()).orElseThrow();
		if (login.passwordHash() == null || current == null || !encoder.matches(current, login.passwordHash())) {
			throw new InvalidInputException(HttpStatus.FORBIDDEN, "The current password is wrong");
		}
		users.setPassword(actor.userId(), hash(replacement));
	}

	/** Sets the password of the user of a live one-time link; the link is spent. */
	@Transactional
	public String setUp(String link, String password) {
		String hash = hash(password);
		long userId = tokens.consumeLink(Secrets.sha256(link == null ? "" : link.trim()))
			.orElseThrow(() -> new InvalidInputException(HttpStatus.GONE,
					"This setup link is unknown, used or expired: ask an admin for a new one"));
		users.setPassword(userId, hash);
		return users.login(userId).orElseThrow().email();
	}

	/** A one-time link to set the user's password; only its hash is stored. */
	@Transactional
	public Invitation newSetupLink(long userId) {
		Users.UserRow user = users.row(userId).orElseThrow(() -> new NotFoundException("Unknown user " + userId));
		String secret = Secrets.newSecret();
		OffsetDateTime expires = OffsetDateTime.now().plus(settings.setupLinkValidity());
		tokens.insertLink(userId, Secrets.sha256(secret), expires);
		return new Invitation(user, linkBase() + "/login/setup.html#" + secret, expires);
	}

	@Transactional
	public NewToken newToken(Actor actor, String name, Integer days) {
		String label = name == null ? "" : name.trim();
		if (label.isEmpty() || label.length() > 100) {
			throw new InvalidInputException("A token needs a name of 1 to 100 characters");
		}
		int life = days == null ? settings.defaultTokenDays() : days;
		if (life < 1 || life > settings.maxTokenDays()) {
			throw new InvalidInputException("A token lives 1 to " + settings.maxTokenDays() + " days");
		}
		if (tokens.liveCount(actor.userId()) >= settings.maxTokensPerUser()) {
			throw new InvalidInputException(HttpStatus.CONFLICT,
					"At most " + settings.maxTokensPerUser() + " live tokens per user: revoke one first");
		}
		String secret = Secrets.TOKEN_PREFIX + Secrets.newSecret();
		String prefix = secret.substring(0, Secrets.TOKEN_PREFIX.length() + 6);
		OffsetDateTime expires = OffsetDateTime.now().plusDays(life);
		long id = tokens.insert(actor.userId(), label, Secrets.sha256(secret), prefix, expires);
		return new NewToken(id, label, secret, prefix, expires);
	}

	public List<Tokens.TokenRow> tokens(long userId) {
		return tokens.ofUser(userId);
	}

	/** Revokes a token of the actor (any token for an admin); someone else's is a 404. */
	@Transactional
	public void revoke(Actor actor, long tokenId) {
		Tokens.TokenRow token = tokens.byId(tokenId)
			.filter(t -> actor.isAdmin() || t.userId() == actor.userId())
			.orElseThrow(() -> new NotFoundException("Unknown token " + tokenId));
		tokens.revoke(token.id());
	}

	@Transactional
	public Invitation invite(String email, String displayName, List<String> roles, List<Long> organisations) {
		String e = Emails.valid(email);
		if (users.login(e).isPresent()) {
			throw new InvalidInputException(HttpStatus.CONFLICT, "A user " + e + " already exists");
		}
		long id = users.create(e, displayName(displayName), null);
		update(id, null, roles, organisations, null);
		return newSetupLink(id);
	}

	/** The admin's changes to a user; null leaves a part as it is. */
	@Transactional
	public Users.UserRow update(long id, String displayName, List<String> roles, List<Long> organisations,
			Boolean enabled) {
		users.row(id).orElseThrow(() -> new NotFoundException("Unknown user " + id));
		if (roles != null) {
			users.setRoles(id, roles.stream().map(Role::fromCode).toList());
		}
		if (organisations != null) {
			List<Long> unknown = users.unknownOrganisations(organisations);
			if (!unknown.isEmpty()) {
				throw new InvalidInputException("Unknown organisations: " + unknown);
			}
			users.setOrganisations(id, organisations);
		}
		if (enabled != null) {
			users.setEnabled(id, enabled);
		}
		if (displayName != null) {
			users.setDisplayName(id, displayName(displayName));
		}
		return users.row(id).orElseThrow();
	}

	/** Creates or promotes the first admin (see {@code FirstAdmin}). */
	@Transactional
	public long ensureAdmin(String email, String passwordHash) {
		String e = Emails.valid(email);
		long id = users.login(e).map(Users.Login::id).orElseGet(() -> users.create(e, null, passwordHash));
		Users.UserRow row = users.row(id).orElseThrow();
		Set<Role> roles = new java.util.HashSet<>(row.roles().stream().map(Role::valueOf).toList());
		roles.add(Role.ADMIN);
		users.setRoles(id, roles);
		users.setEnabled(id, true);
		if (passwordHash != null && !row.hasPassword()) {
			users.setPassword(id, passwordHash);
		}
		return id;
	}

	private static String displayName(String name) {
		String n = name == null ? null : name.trim();
		if (n != null && n.length() > 200) {
			throw new InvalidInputException("A display name is limited to 200 characters");
		}
		return n == null || n.isEmpty() ? null : n;
	}

	public static Actor requireUser(Permissions permissions) {
		Actor actor = permissions.requireSignedIn();
		if (actor.userId() == null) {
			throw new InvalidInputException(HttpStatus.FORBIDDEN, "This needs a user account, not the admin token");
		}
		return actor;
	}

}
