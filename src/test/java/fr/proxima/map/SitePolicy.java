package fr.proxima.map;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The site-wide Content-Security-Policy the pages must live with (added on main by the
 * config module; {@code /embed} paths get their frame policy from {@link EmbedPages}),
 * sent here too so that the browser tests catch any inline script or style.
 */
@TestConfiguration(proxyBeanMethods = false)
class SitePolicy {

	static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self';"
			+ " connect-src 'self'";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> sitePolicyFilter() {
		return new FilterRegistrationBean<>(new OncePerRequestFilter() {
			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean embed = request.getRequestURI().startsWith("/embed");
				response.addHeader("Content-Security-Policy", embed ? POLICY : POLICY + "; frame-ancestors 'none'");
				chain.doFilter(request, response);
			}
		});
	}

}
