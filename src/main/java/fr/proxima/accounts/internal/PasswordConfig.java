package fr.proxima.accounts.internal;

import fr.proxima.accounts.AccountSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The password encoder and the settings, for the server and the command line alike. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccountSettings.class)
class PasswordConfig {

	@Bean
	PasswordEncoder passwordEncoder() {
		// {bcrypt} by default; older or other formats stay readable by their {id} prefix
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
