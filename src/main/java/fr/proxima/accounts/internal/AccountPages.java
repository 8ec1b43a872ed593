package fr.proxima.accounts.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The folders of the account pages answer with their index.html. */
@Configuration(proxyBeanMethods = false)
class AccountPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		for (String page : new String[] { "login", "account", "organisation", "admin" }) {
			registry.addViewController("/" + page + "/").setViewName("forward:/" + page + "/index.html");
			registry.addRedirectViewController("/" + page, "/" + page + "/");
		}
	}

}
