package fr.proxima.ogc;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the OGC API Features service under {@code /ogc} ({@code proxima.ogc.*}).
 *
 * @param defaultLimit items per page when a request gives no {@code limit}
 * @param maxLimit largest page: a larger {@code limit} is clamped to it, as OGC API
 * Features requires (declared as the maximum of {@code limit} in the OpenAPI document)
 * @param defaultCoverageFamily family of the {@code coverage} collection when a request
 * names none
 */
@ConfigurationProperties("proxima.ogc")
public record OgcSettings(@DefaultValue("100") int defaultLimit, @DefaultValue("1000") int maxLimit,
		@DefaultValue("ehpad") String defaultCoverageFamily) {

}
