package fr.proxima.map;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embeddable widget ({@code proxima.embed.*}).
 *
 * @param allowedOrigins the sites allowed to frame {@code /embed} and to fetch the
 * widget's files cross-origin ({@code https://www.example.fr}); {@code *} (the default)
 * allows any
 */
@ConfigurationProperties("proxima.embed")
public record EmbedSettings(@DefaultValue("*") List<String> allowedOrigins) {

	public boolean anyOrigin() {
		return allowedOrigins == null || allowedOrigins.isEmpty() || allowedOrigins.contains("*");
	}

	/** The value of a {@code frame-ancestors} directive. */
	public String frameAncestors() {
		return anyOrigin() ? "*" : String.join(" ", allowedOrigins);
	}

	/** Whether a request's {@code Origin} may read the widget's files. */
	public boolean allows(String origin) {
		return anyOrigin() || (origin != null && allowedOrigins.contains(origin));
	}

}
