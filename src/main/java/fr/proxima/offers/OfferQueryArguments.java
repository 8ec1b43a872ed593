package fr.proxima.offers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import fr.proxima.shared.InvalidInputException;
import fr.proxima.shared.Numbers;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Reads the {@link OfferQuery} of the offer search straight from the request parameters
 * (issue 15). Spring's constructor binding of a record parses the constructor's parameter
 * annotations again on every request, which cost a quarter of the search's time over
 * HTTP; this reads the same names with the same strict number rules and the same error
 * messages.
 */
@Configuration(proxyBeanMethods = false)
class OfferQueryArguments implements WebMvcConfigurer, HandlerMethodArgumentResolver {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == OfferQuery.class;
	}

	@Override
	public OfferQuery resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
			WebDataBinderFactory binders) {
		String[] families = request.getParameterValues("family");
		return new OfferQuery(text(request, "bbox"), families == null ? null : Arrays.asList(families),
				text(request, "audience"), text(request, "commune"), text(request, "q"), text(request, "near"),
				number(request, "radius", Numbers::parse), number(request, "organisation", Numbers::parseLong),
				number(request, "limit", v -> Math.toIntExact(Numbers.parseLong(v))),
				number(request, "offset", v -> Math.toIntExact(Numbers.parseLong(v))),
				number(request, "total", OfferQueryArguments::bool));
	}

	private static String text(NativeWebRequest request, String name) {
		return request.getParameter(name);
	}

	private static <T> T number(NativeWebRequest request, String name, Function<String, T> parse) {
		String value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return parse.apply(value.strip());
		}
		catch (NumberFormatException | ArithmeticException e) {
			throw new InvalidInputException("Invalid value '" + value + "' for " + name);
		}
	}

	private static Boolean bool(String value) {
		return switch (value.toLowerCase(java.util.Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw new NumberFormatException(value);
		};
	}

}
