package fr.proxima;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ProximaApplication {

	public static void main(String[] args) {
		SpringApplication.run(ProximaApplication.class, args);
	}

}
