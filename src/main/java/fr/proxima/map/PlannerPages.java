package fr.proxima.map;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The planner workspace (issue 12): {@code /planner/} answers with its index.html. The
 * page itself asks {@code /api/account} who is signed in: anonymous users go to the
 * sign-in page and come back, users without the planner or admin role read why not; the
 * data it shows comes from the coverage and routing APIs, whose scenarios need the role.
 */
@Configuration(proxyBeanMethods = false)
class PlannerPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/planner/").setViewName("forward:/planner/index.html");
		registry.addRedirectViewController("/planner", "/planner/");
	}

}
