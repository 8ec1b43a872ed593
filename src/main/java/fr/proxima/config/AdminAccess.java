package fr.proxima.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import fr.proxima.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Guards every {@code /api/admin/**} endpoint: the {@code X-Proxima-Admin-Token} header
 * must equal the configured {@code proxima.admin-token}. With no token configured the
 * admin endpoints are disabled (403); a missing or wrong header gets 401. Both are
 * problem details.
 */
@Configuration(proxyBeanMethods = false)
class AdminAccess implements WebMvcConfigurer, HandlerInterceptor {

	static final String TOKEN_HEADER = "X-Proxima-Admin-Token";

	private final byte[] token;

	AdminAccess(@Value("${proxima.admin-token:}") String token) {
		this.token = token.isBlank() ? null : token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/admin/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (token == null) {
			throw new InvalidInputException(HttpStatus.FORBIDDEN,
					"Admin endpoints are disabled: set PROXIMA_ADMIN_TOKEN (proxima.admin-token) to enable them");
		}
		String given = request.getHeader(TOKEN_HEADER);
		if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token)) {
			throw new InvalidInputException(HttpStatus.UNAUTHORIZED, "Missing or wrong " + TOKEN_HEADER + " header");
		}
		return true;
	}

}
