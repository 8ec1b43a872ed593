package fr.proxima.importing.internal;

import java.nio.file.Path;

import fr.proxima.importing.ImportKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: files are recognised by their content, as the fetch script's downloads and the samples are laid out
class LayoutSnifferTest {

	@Test
	void geoApiCommunesAndEtalabDepartementsAreRecognised() {
		assertThat(LayoutSniffer
			.sniffGeoJson("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
					+ "\"properties\":{\"code\":\"2A004\",\"nom\":\"Ajaccio\"},\"geometry\":{\"type\":\"Polygon\"")
			.kind()).isEqualTo(ImportKind.COMMUNES);
		assertThat(LayoutSniffer
			.sniffGeoJson("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
					+ "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[]},\"properties\":{\"code\":\"974\","
					+ "\"nom\":\"La Réunion\"}}]}")
			.kind()).isEqualTo(ImportKind.DEPARTEMENTS);
	}

	@Test
	void officialCsvLayoutsAreRecognisedByTheirHeader() {
		assertThat(LayoutSniffer.sniffCsv("finess;etalab;95541;2025-12-31").kind()).isEqualTo(ImportKind.FINESS);
		assertThat(LayoutSniffer.sniffCsv("\"CODGEO\";\"P21_POP\";\"P21_POP0014\";\"P21_POP75P\"").kind())
			.isEqualTo(ImportKind.POPULATION);
		assertThat(LayoutSniffer.sniffCsv("code_2018,nom_2018,code_cog2026,nom_cog2026,relation").crosswalk()).isTrue();
		assertThat(LayoutSniffer.sniffCsv("code_commune,nom_commune,departement,population").kind()).isNull();
	}

	@Test
	void proximaSamplesAreRecognisedAsOffers() {
		assertThat(LayoutSniffer.sniff(Path.of("gis/samples/offers-sample.csv")).kind()).isEqualTo(ImportKind.OFFERS);
		assertThat(LayoutSniffer.sniff(Path.of("gis/samples/offers-sample.geojson")).kind())
			.isEqualTo(ImportKind.OFFERS);
	}

}
