package fr.proxima.support;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A MockMvc request as {@code config.AdminAccess} marks one that carried the right admin
 * token: in the {@code ADMIN} role, which the health endpoint needs to show its details.
 */
public final class AsAdmin {

	private AsAdmin() {
	}

	public static RequestPostProcessor asAdmin() {
		return request -> {
			request.addUserRole("ADMIN");
			request.setUserPrincipal(() -> "admin-token");
			return request;
		};
	}

}
