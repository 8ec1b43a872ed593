package fr.proxima.cluster.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * With {@code proxima.sessions.store=database}: login sessions live in the tables
 * {@code spring_session*} (Spring Session JDBC; made by Flyway), so that every instance
 * behind a load balancer knows a signed-in user. The default, {@code memory}, keeps the
 * servlet container's sessions of one instance (Spring Boot's own JDBC session
 * auto-configuration is excluded in {@code application.properties}, so that this setting
 * alone decides).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "proxima.sessions.store", havingValue = "database")
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 1800)
class DatabaseSessions {

}
