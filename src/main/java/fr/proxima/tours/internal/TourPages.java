package fr.proxima.tours.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The tours page's folder answers with its index.html. */
@Configuration(proxyBeanMethods = false)
class TourPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/tours/").setViewName("forward:/tours/index.html");
		registry.addRedirectViewController("/tours", "/tours/");
	}

}
