package fr.proxima.cluster.internal;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import fr.proxima.cluster.ClusterSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code proxima.db.read-urls} set: the application's one {@link DataSource} is a
 * lazy proxy over {@link ReadRouting} (the primary pool from {@code spring.datasource.*}
 * and {@code spring.datasource.hikari.*}, one pool per replica with the same user, pool
 * size and a connection timeout of {@code proxima.db.replica-wait}), and web requests are
 * marked by {@link ReadRequests}. Without it, Spring Boot's own pool on the primary
 * serves everything.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${proxima.db.read-urls:}'.trim().length() > 0")
class ReplicaDataSources {

	@Bean(destroyMethod = "close")
	ReadRouting readRouting(DataSourceProperties properties, ClusterSettings settings, Environment environment) {
		Binder binder = Binder.get(environment);
		HikariDataSource primary = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		binder.bind("spring.datasource.hikari", Bindable.ofInstance(primary));
		primary.setPoolName("primary");
		List<HikariDataSource> replicas = new ArrayList<>();
		long wait = Math.max(250, settings.replicaWait().toMillis());
		for (String url : settings.readUrls()) {
			HikariDataSource replica = new HikariDataSource();
			binder.bind("spring.datasource.hikari", Bindable.ofInstance(replica));
			replica.setJdbcUrl(url);
			replica.setUsername(properties.determineUsername());
			replica.setPassword(properties.determinePassword());
			replica.setPoolName("replica-" + (replicas.size() + 1));
			replica.setConnectionTimeout(wait);
			replica.setValidationTimeout(Math.max(250, wait / 2));
			replica.setInitializationFailTimeout(-1);
			replica.setReadOnly(true);
			replicas.add(replica);
		}
		return new ReadRouting(primary, replicas, Math.max(100, settings.replicaCheckInterval().toMillis()),
				(int) Math.max(1, settings.replicaWait().toSeconds()));
	}

	@Bean
	@Primary
	DataSource dataSource(ReadRouting routing) {
		return new LazyConnectionDataSourceProxy(routing.asDataSource());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnExpression("'${proxima.db.read-urls:}'.trim().length() > 0")
	static class Web implements WebMvcConfigurer {

		private final ClusterSettings settings;

		Web(ClusterSettings settings) {
			this.settings = settings;
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new ReadRequests(settings));
		}

	}

}
