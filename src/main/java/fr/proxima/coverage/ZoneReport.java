package fr.proxima.coverage;

import java.util.List;

/**
 * Declared versus reachable intervention zones of home-care services, within T minutes
 * outward.
 */
public record ZoneReport(CoverageQuery parameters, String method, boolean estimated, List<Service> services) {

	/** {@code method}: the {@link Provenance} of this service's times. */
	public record Service(long offerId, String name, String family, String departement, int declaredCommunes,
			int reachableCommunes, String method, List<Place> declaredUnreachable, List<Place> reachableUndeclared) {
	}

	public record Place(String code, String name) {
	}

	/** Flat form for CSV and GeoJSON: one row per (service, commune, kind). */
	public record Row(long offerId, String offerName, String communeCode, String communeName, String kind,
			String method) implements CommuneRow {

		@Override
		public String code() {
			return communeCode;
		}

	}

	public List<Row> rows() {
		return services.stream()
			.flatMap(s -> java.util.stream.Stream.concat(
					s.declaredUnreachable()
						.stream()
						.map(p -> new Row(s.offerId(), s.name(), p.code(), p.name(), "declared_unreachable",
								s.method())),
					s.reachableUndeclared()
						.stream()
						.map(p -> new Row(s.offerId(), s.name(), p.code(), p.name(), "reachable_undeclared",
								s.method()))))
			.toList();
	}

}
