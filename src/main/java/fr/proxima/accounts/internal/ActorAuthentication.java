package fr.proxima.accounts.internal;

import java.util.List;

import fr.proxima.accounts.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The authentication of the current request, rebuilt from the store at every request
 * (session, personal token or admin token): its authorities are the actor's roles.
 */
public final class ActorAuthentication extends AbstractAuthenticationToken {

	private final Actor actor;

	private final String method;

	public ActorAuthentication(Actor actor, String method) {
		super(actor.roles().stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList());
		this.actor = actor;
		this.method = method;
		setAuthenticated(true);
	}

	public Actor actor() {
		return actor;
	}

	/** session, token or admin-token */
	public String method() {
		return method;
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Object getPrincipal() {
		return actor.name();
	}

	@Override
	public String getName() {
		return actor.name();
	}

	static List<String> roleNames(Actor actor) {
		return actor.roles().stream().map(Enum::name).sorted().toList();
	}

}
