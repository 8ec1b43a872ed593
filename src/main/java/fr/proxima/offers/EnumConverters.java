package fr.proxima.offers;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Family} and {@link Audience} as their lower-case codes. */
final class EnumConverters {

	private EnumConverters() {
	}

	@Converter(autoApply = true)
	static class FamilyConverter implements AttributeConverter<Family, String> {

		@Override
		public String convertToDatabaseColumn(Family f) {
			return f == null ? null : f.code();
		}

		@Override
		public Family convertToEntityAttribute(String code) {
			return code == null ? null : Family.fromCode(code);
		}

	}

	@Converter(autoApply = true)
	static class AudienceConverter implements AttributeConverter<Audience, String> {

		@Override
		public String convertToDatabaseColumn(Audience a) {
			return a == null ? null : a.code();
		}

		@Override
		public Audience convertToEntityAttribute(String code) {
			return code == null ? null : Audience.fromCode(code);
		}

	}

}
