package fr.proxima.accounts.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.ObjectMapper;

/**
 * The security chain (issue 11). Public reads stay anonymous; scenarios need the planner
 * role; {@code /api/admin/**} the admin role (an admin's session or token, or the
 * automation header {@code X-Proxima-Admin-Token}); every other write needs a signed-in
 * user, and the owning service checks what that user may do. Pages sign in with a session
 * protected by a CSRF cookie; scripts send a personal token and need no CSRF token.
 * Spring Security's own header writers are off: the security headers come from the
 * {@code config} module's filter (cacheable static files, an embeddable widget).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

	/**
	 * No observation of the chain's filters, authentications and authorisations: nothing
	 * exports them, and wrapping every filter costs each request time (issue 15).
	 */
	@Bean
	static SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	UserDetailsService accountUsers(Users users) {
		return email -> users.login(email)
			.filter(l -> l.passwordHash() != null)
			.map(l -> new AccountUser(l.id(), l.email(), l.passwordHash(), l.enabled()))
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}

	/**
	 * The public routing reads a map sends on every click (issue 15): a GET or HEAD of
	 * exactly these paths carrying no credential at all.
	 */
	static final Set<String> ANONYMOUS_READS = Set.of("/api/routing/route", "/api/routing/isochrones");

	/**
	 * A lean chain for {@link #ANONYMOUS_READS} sent without an {@code Authorization}
	 * header, the admin header or a session id (issue 15): nothing there for the main
	 * chain to check (no token, no session, no CSRF on a GET, no login, logout or saved
	 * request), so only the security context, the anonymous user and a permit-all
	 * authorisation run, as the main chain would decide. Any credential sends the request
	 * through the main chain, where a bad token is still a 401. The firewall, the
	 * security headers and the rate limits apply as to every request.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityFilterChain anonymousReads(HttpSecurity http) throws Exception {
		http.securityMatcher(SecurityConfig::anonymousRead)
			.headers(h -> h.disable())
			.csrf(c -> c.disable())
			.requestCache(r -> r.disable())
			.logout(l -> l.disable())
			.servletApi(s -> s.disable())
			.authorizeHttpRequests(a -> a.anyRequest().permitAll());
		return http.build();
	}

	static boolean anonymousRead(HttpServletRequest request) {
		String method = request.getMethod();
		return ("GET".equals(method) || "HEAD".equals(method)) && ANONYMOUS_READS.contains(AuthResponses.path(request))
				&& request.getHeader("Authorization") == null && request.getHeader(ActorFilter.ADMIN_HEADER) == null
				&& request.getRequestedSessionId() == null;
	}

	@Bean
	SecurityFilterChain proximaSecurity(HttpSecurity http, Users users, Tokens tokens, UserDetailsService accounts,
			PasswordEncoder encoder, LoginThrottle throttle, ObjectMapper json,
			@Value("${proxima.admin-token:}") String adminToken) throws Exception {
		AuthResponses responses = new AuthResponses(json);
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		HttpSessionRequestCache pagesOnly = new HttpSessionRequestCache();
		pagesOnly.setRequestMatcher(r -> "GET".equals(r.getMethod()) && !AuthResponses.api(r));

		http.headers(h -> h.disable())
			.authenticationManager(new ProviderManager(new ThrottledLogin(passwords, throttle)))
			.csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new HeaderOnlyOnApi())
				.requireCsrfProtectionMatcher(csrfNeeded()))
			.addFilterBefore(new ActorFilter(users, tokens, adminToken, responses), CsrfFilter.class)
			.requestCache(r -> r.requestCache(pagesOnly))
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.exceptionHandling(e -> e.authenticationEntryPoint(responses).accessDeniedHandler(responses))
			.formLogin(f -> f.loginPage(AuthResponses.LOGIN_PAGE)
				.loginProcessingUrl("/login")
				.usernameParameter("email")
				.passwordParameter("password")
				.successHandler((request, response, auth) -> {
					if (AuthResponses.wantsJson(request)) {
						responses.json(response, Map.of("email", auth.getName()));
					}
					else {
						response.sendRedirect(request.getContextPath() + AuthResponses.next(request));
					}
				})
				.failureHandler((request, response, e) -> {
					boolean throttled = e instanceof ThrottledLogin.ThrottledException;
					if (throttled) {
						response.setHeader("Retry-After",
								String.valueOf(((ThrottledLogin.ThrottledException) e).retryAfter.toSeconds()));
					}
					if (AuthResponses.wantsJson(request)) {
						responses.problem(request, response,
								throttled ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
								throttled ? e.getMessage() : "Wrong e-mail or password");
					}
					else {
						response.sendRedirect(request.getContextPath() + AuthResponses.LOGIN_PAGE
								+ (throttled ? "?throttled" : "?error"));
					}
				})
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessHandler((request, response, auth) -> {
				if (AuthResponses.wantsJson(request)) {
					response.setStatus(HttpStatus.NO_CONTENT.value());
				}
				else {
					response.sendRedirect(request.getContextPath() + AuthResponses.LOGIN_PAGE + "?logout");
				}
			}))
			.authorizeHttpRequests(a -> a.requestMatchers("/api/admin/**", "/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/coverage/scenarios", "/api/coverage/scenarios/**")
				.hasAnyRole("PLANNER", "ADMIN")
				.requestMatchers("/api/account/setup", "/api/account/csrf")
				.permitAll()
				.requestMatchers("/api/account/**", "/api/manage/**", "/account/", "/account/index.html", "/planner/",
						"/planner/index.html")
				.authenticated()
				.requestMatchers(HttpMethod.GET, "/api/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/routing/**")
				.permitAll()
				.requestMatchers("/api/**")
				.authenticated()
				.requestMatchers("/actuator", "/actuator/health", "/actuator/health/**", "/actuator/info")
				.permitAll()
				.requestMatchers("/actuator/**")
				.hasRole("ADMIN")
				.anyRequest()
				.permitAll());
		return http.build();
	}

	/**
	 * Writes that need a CSRF token: those of a browser session. A request carrying a
	 * Bearer or admin token is not sent by a browser on its own, so it needs none; nor do
	 * the public POST reads of {@code /api/routing/**} (matrix, coverage), which change
	 * nothing.
	 */
	private static RequestMatcher csrfNeeded() {
		return r -> !SAFE_METHODS.contains(r.getMethod()) && !ActorFilter.bearer(r)
				&& r.getHeader(ActorFilter.ADMIN_HEADER) == null && !AuthResponses.path(r).startsWith("/api/routing/");
	}

	/**
	 * On {@code /api/**} the CSRF token is read from the {@code X-XSRF-TOKEN} header
	 * only: no {@code _csrf} parameter, so the chain never reads the body of a multipart
	 * upload before authorisation refused it. Pages' forms (sign-in, sign-out) send the
	 * parameter. The token is loaded on every page request so that the readable
	 * {@code XSRF-TOKEN} cookie exists for the pages' scripts; on {@code /api/**} it is
	 * loaded only when a write checks it or {@code /api/account/csrf} asks for it, so
	 * that a public read makes no token and sets no cookie (issue 15).
	 */
	static final class HeaderOnlyOnApi extends CsrfTokenRequestAttributeHandler {

		private final CsrfTokenRequestAttributeHandler deferred = new CsrfTokenRequestAttributeHandler();

		HeaderOnlyOnApi() {
			setCsrfRequestAttributeName(null);
		}

		@Override
		public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
			if (AuthResponses.api(request)) {
				deferred.handle(request, response, token);
			}
			else {
				super.handle(request, response, token);
			}
		}

		@Override
		public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
			return AuthResponses.api(request) ? request.getHeader(token.getHeaderName())
					: super.resolveCsrfTokenValue(request, token);
		}

	}

}
