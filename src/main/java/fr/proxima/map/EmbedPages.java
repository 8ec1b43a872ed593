package fr.proxima.map;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The widget's pages: {@code /embed} (the page framed by partner sites) and
 * {@code /embed/builder}, with the framing and CORS headers that
 * {@code proxima.embed.allowed-origins} allows. The site-wide Content-Security-Policy
 * (config) leaves the frame policy of {@code /embed} paths to this filter, which adds its
 * own {@code frame-ancestors} policy.
 */
@Configuration
class EmbedPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/embed").setViewName("forward:/embed/index.html");
		registry.addViewController("/embed/").setViewName("forward:/embed/index.html");
		registry.addViewController("/embed/builder").setViewName("forward:/embed/builder.html");
	}

	@Bean
	FilterRegistrationBean<EmbedHeaders> embedHeaders(EmbedSettings settings) {
		FilterRegistrationBean<EmbedHeaders> registration = new FilterRegistrationBean<>(new EmbedHeaders(settings));
		registration.addUrlPatterns("/embed", "/embed/*");
		return registration;
	}

	/** Frame and CORS headers of the {@code /embed} paths. */
	static final class EmbedHeaders extends OncePerRequestFilter {

		private final EmbedSettings settings;

		EmbedHeaders(EmbedSettings settings) {
			this.settings = settings;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			response.addHeader("Content-Security-Policy", "frame-ancestors " + settings.frameAncestors());
			String origin = request.getHeader("Origin");
			if (settings.anyOrigin()) {
				response.setHeader("Access-Control-Allow-Origin", "*");
			}
			else {
				response.addHeader("Vary", "Origin");
				if (settings.allows(origin)) {
					response.setHeader("Access-Control-Allow-Origin", origin);
				}
			}
			chain.doFilter(request, response);
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return true;
		}

	}

}
