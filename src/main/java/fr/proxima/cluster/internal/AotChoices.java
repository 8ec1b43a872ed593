package fr.proxima.cluster.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Spring AOT (issue 15, docs/operations.md#memory-and-start-up): a jar started with
 * {@code -Dspring.aot.enabled=true} uses the bean definitions written at build time
 * ({@code process-aot}), where the conditions on {@code proxima.db.read-urls}
 * ({@link ReplicaDataSources}) and {@code proxima.sessions.store}
 * ({@link DatabaseSessions}) were decided once, for the build's settings. A start whose
 * settings ask for something else is refused with the reason, instead of running silently
 * without its read replicas or with memory sessions. Without AOT the conditions are
 * evaluated at start and always agree.
 */
@Component
class AotChoices implements BeanFactoryPostProcessor, EnvironmentAware {

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		List<String> problems = mismatches(beanFactory, environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("This start uses the bean definitions written at build time"
					+ " (-Dspring.aot.enabled=true), which were made for other settings: " + String.join("; ", problems)
					+ ". Start without -Dspring.aot.enabled=true (the settings are then read at start), or build the"
					+ " jar with these settings (docs/operations.md#memory-and-start-up).");
		}
	}

	/** What the settings ask for and the bean definitions do not hold, or the reverse. */
	static List<String> mismatches(ConfigurableListableBeanFactory beanFactory, Environment environment) {
		List<String> problems = new ArrayList<>();
		boolean replicasAsked = !environment.getProperty("proxima.db.read-urls", "").isBlank();
		if (replicasAsked != defines(beanFactory, ReplicaDataSources.class)) {
			problems.add(replicasAsked ? "proxima.db.read-urls is set, the build has no read replicas"
					: "proxima.db.read-urls is empty, the build routes reads to replicas");
		}
		boolean databaseSessions = "database".equals(environment.getProperty("proxima.sessions.store", "memory"));
		if (databaseSessions != defines(beanFactory, DatabaseSessions.class)) {
			problems.add(databaseSessions ? "proxima.sessions.store=database, the build keeps sessions in memory"
					: "proxima.sessions.store is not database, the build keeps sessions in the database");
		}
		return problems;
	}

	private static boolean defines(ConfigurableListableBeanFactory beanFactory, Class<?> configuration) {
		return beanFactory.getBeanNamesForType(configuration, true, false).length > 0;
	}

}
