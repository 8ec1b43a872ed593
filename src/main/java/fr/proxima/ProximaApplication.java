package fr.proxima;

import fr.proxima.importing.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProximaApplication {

	public static void main(String[] args) {
		SpringApplication app = new SpringApplication(ProximaApplication.class);
		if (ImportCommand.isImportCommand(args)) {
			// "import …" / "import-dir …": run the import without a web server, exit with its status
			app.setWebApplicationType(WebApplicationType.NONE);
			System.exit(SpringApplication.exit(app.run(args)));
		}
		app.run(args);
	}

}
