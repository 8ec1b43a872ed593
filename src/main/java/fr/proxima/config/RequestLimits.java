package fr.proxima.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code proxima.limits.*}: the largest request body outside the admin uploads (whose
 * limit is {@code spring.servlet.multipart.*}).
 */
@ConfigurationProperties("proxima.limits")
record RequestLimits(@DefaultValue("1MB") DataSize maxJsonBody) {

}
