package fr.proxima.config;

import java.util.List;

import javax.sql.DataSource;

import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The application's edge, in the order a request meets it (docs/security.md): security
 * headers, the public base URL, the cheap request checks and body limit, then the rate
 * limits (the accounts module's security chain, which checks tokens and sessions, comes
 * after them); Tomcat's own error report in the one error format; JSON as the only
 * structured body format.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ RateLimitSettings.class, RequestLimits.class })
class WebEdge implements WebMvcConfigurer {

	@Bean
	SecurityHeaders securityHeaders(Environment environment) {
		return new SecurityHeaders(environment);
	}

	@Bean
	FilterRegistrationBean<SecurityHeaders> securityHeadersFilter(SecurityHeaders headers) {
		FilterRegistrationBean<SecurityHeaders> bean = register(headers, 1);
		bean.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return bean;
	}

	@Bean
	FilterRegistrationBean<PublicUrl> publicUrlFilter(@Value("${proxima.public-url:}") String publicUrl,
			@Value("${server.forward-headers-strategy:none}") String forwardHeaders) {
		return register(new PublicUrl(publicUrl, !"none".equalsIgnoreCase(forwardHeaders)), 2);
	}

	@Bean
	FilterRegistrationBean<RequestChecks> requestChecksFilter(RequestLimits limits) {
		return register(new RequestChecks(limits.maxJsonBody().toBytes()), 4);
	}

	@Bean
	FilterRegistrationBean<RateLimits> rateLimitsFilter(RateLimitSettings settings, DataSource dataSource) {
		ProxyManager<String> shared = !settings.shared() ? null
				: Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("rate_limit_bucket")
					.build();
		return register(new RateLimits(settings, shared), 5);
	}

	private static <F extends Filter> FilterRegistrationBean<F> register(F filter, int position) {
		FilterRegistrationBean<F> bean = new FilterRegistrationBean<>(filter);
		// just after Spring's CharacterEncodingFilter (highest precedence), so that
		// parameters decode as UTF-8
		bean.setOrder(Ordered.HIGHEST_PRECEDENCE + position);
		return bean;
	}

	/** Tomcat's host-level error report replaced by {@link ProblemReportValve}. */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve(SecurityHeaders headers) {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
				host.getPipeline().addValve(new ProblemReportValve(headers));
			}
		});
	}

	/**
	 * Only JSON bodies: the XML, YAML, CBOR and Smile converters that the classpath
	 * brings are removed, so such bodies get 415 and no answer is written in them.
	 */
	@Override
	public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
		builder.configureMessageConvertersList(converters -> converters.removeIf(WebEdge::notJson));
	}

	static boolean notJson(HttpMessageConverter<?> converter) {
		List<MediaType> types = converter.getSupportedMediaTypes();
		return !types.isEmpty() && types.stream().allMatch(t -> {
			String s = t.getSubtype();
			return s.contains("xml") || s.contains("yaml") || s.contains("cbor") || s.contains("smile");
		});
	}

}
