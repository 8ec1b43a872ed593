package fr.proxima.shared;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the read API ({@code proxima.api.*}): page sizes, the largest bbox and radius
 * a query may ask for, and the statement timeout of every API query.
 */
@ConfigurationProperties("proxima.api")
public record ApiSettings(@DefaultValue("50") int defaultLimit, @DefaultValue("500") int maxLimit,
		@DefaultValue("2.0") double maxBboxSpanDegrees, @DefaultValue("10000") double defaultRadiusMetres,
		@DefaultValue("100000") double maxRadiusMetres, @DefaultValue("5s") Duration queryTimeout) {

}
