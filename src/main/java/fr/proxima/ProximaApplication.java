package fr.proxima;

import java.util.List;
import java.util.Map;

import fr.proxima.importing.ImportCommand;
import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.SpringProperties;
import org.springframework.core.env.MapPropertySource;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProximaApplication {

	public static void main(String[] args) {
		switch (ImportCommand.modeOf(args)) {
			case IMPORT -> {
				// Spring AOT's build-time bean definitions are the web server's:
				// the command works out its own at start, whatever the flag says
				SpringProperties.setProperty(AotDetector.AOT_ENABLED, "false");
				int status;
				try {
					status = SpringApplication.exit(importCommand().run(args));
				}
				catch (RuntimeException e) {
					status = 1; // it could not start; Spring Boot has logged why
				}
				System.exit(status);
			}
			case HELP -> System.out.println(ImportCommand.usage());
			case UNKNOWN -> System.exit(ImportCommand.usageError("Unknown command '" + args[0] + "'"));
			case SERVER -> SpringApplication.run(ProximaApplication.class, args);
		}
	}

	/**
	 * The application as an import command runs it: no web server, no banner, logs on
	 * stderr so that stdout carries only the JSON report, and no background travel-time
	 * refresh (the process would exit in the middle of it; the server refreshes at its
	 * next start, since the offers changed after its last run), hence no road graph to
	 * load.
	 */
	public static SpringApplication importCommand(Class<?>... moreSources) {
		SpringApplication app = new SpringApplication(ProximaApplication.class);
		app.addPrimarySources(List.of(moreSources));
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setBannerMode(Banner.Mode.OFF);
		app.addListeners(new ImportCommandSettings());
		return app;
	}

	/**
	 * Puts the import command's settings above every other source, before the logging
	 * system starts.
	 */
	private static final class ImportCommandSettings
			implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

		@Override
		public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
			event.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("import-command", Map.of("logging.config", "classpath:logback-cli.xml",
						"proxima.routing.auto-refresh", "false", "proxima.routing.osm-file", "")));
		}

		@Override
		public int getOrder() {
			return LoggingApplicationListener.DEFAULT_ORDER - 1;
		}

	}

}
