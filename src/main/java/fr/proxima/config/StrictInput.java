package fr.proxima.config;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;

import fr.proxima.shared.Numbers;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.bind.support.ConfigurableWebBindingInitializer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict reading of request values (issue 10): query parameters bound to numbers take
 * plain decimal numbers only ({@code 1.5d}, {@code 0x10}, {@code NaN} are 400s), and a
 * JSON string holding a control character (other than tab, line feed or carriage return)
 * is refused, so that no NUL reaches the database.
 */
@Configuration(proxyBeanMethods = false)
class StrictInput {

	/**
	 * Converters for the elements of list parameters ({@code minutes=10,20}); they take
	 * the place of Spring's lenient ones.
	 */
	@Bean
	WebMvcConfigurer strictNumberConverters() {
		return new WebMvcConfigurer() {

			@Override
			public void addFormatters(FormatterRegistry registry) {
				registry.addConverter(String.class, Integer.class,
						blankOr(text -> Math.toIntExact(Numbers.parseLong(text))));
				registry.addConverter(String.class, Long.class, blankOr(Numbers::parseLong));
				registry.addConverter(String.class, Double.class, blankOr(Numbers::parse));
			}

		};
	}

	private static <T> Converter<String, T> blankOr(Converter<String, T> parse) {
		return text -> text.isBlank() ? null : parse.convert(text.strip());
	}

	/**
	 * Editors rather than converters: Spring falls back to its lenient default editors
	 * when a converter fails, never when a custom editor does. They are registered by the
	 * binding initializer that every data binder passes through, rather than by an
	 * {@code @InitBinder} advice method, which Spring MVC wraps in a new handler method
	 * for every request and calls reflectively for every parameter (issue 15: a route's
	 * request path). Spring Boot uses this initializer in place of its own, which sets
	 * the same conversion service and validator.
	 */
	@Bean
	ConfigurableWebBindingInitializer strictBindingInitializer(
			@Qualifier("mvcConversionService") FormattingConversionService conversions,
			@Qualifier("mvcValidator") Validator validator) {
		ConfigurableWebBindingInitializer initializer = new ConfigurableWebBindingInitializer();
		initializer.setConversionService(conversions);
		initializer.setValidator(validator);
		initializer.setPropertyEditorRegistrar(StrictInput::strictNumbers);
		return initializer;
	}

	static void strictNumbers(PropertyEditorRegistry binder) {
		Function<String, Object> integer = text -> Math.toIntExact(Numbers.parseLong(text));
		for (Class<?> type : new Class<?>[] { Integer.class, int.class }) {
			binder.registerCustomEditor(type, new StrictNumber(integer));
		}
		for (Class<?> type : new Class<?>[] { Long.class, long.class }) {
			binder.registerCustomEditor(type, new StrictNumber(Numbers::parseLong));
		}
		for (Class<?> type : new Class<?>[] { Double.class, double.class }) {
			binder.registerCustomEditor(type, new StrictNumber(Numbers::parse));
		}
	}

	private static final class StrictNumber extends PropertyEditorSupport {

		private final Function<String, Object> parse;

		StrictNumber(Function<String, Object> parse) {
			this.parse = parse;
		}

		@Override
		public void setAsText(String text) {
			try {
				setValue(text == null || text.isBlank() ? null : parse.apply(text.strip()));
			}
			catch (ArithmeticException e) {
				throw new IllegalArgumentException("out of range: " + text);
			}
		}

	}

	@Bean
	SimpleModule controlCharactersRefused() {
		return new SimpleModule("proxima-text").addDeserializer(String.class, new TextDeserializer());
	}

	static final class TextDeserializer extends StdScalarDeserializer<String> {

		TextDeserializer() {
			super(String.class);
		}

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			if (!p.hasToken(JsonToken.VALUE_STRING)) {
				return (String) ctxt.handleUnexpectedToken(String.class, p);
			}
			String text = p.getString();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
					return (String) ctxt.handleWeirdStringValue(String.class, text,
							"text may not contain control characters");
				}
			}
			return text;
		}

	}

}
