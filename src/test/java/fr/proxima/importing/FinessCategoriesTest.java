package fr.proxima.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import fr.proxima.importing.internal.Delimited;
import fr.proxima.importing.internal.FinessCategories;
import fr.proxima.offers.Family;
import fr.proxima.support.SharedData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: the FINESS category → family mapping is data in gis/ and covers every category of the reference file
class FinessCategoriesTest {

	@Test
	void mappingCoversEveryReferenceCategory() throws IOException {
		List<String> lines = Files.readAllLines(SharedData.file("03_finess/finess_categories_reference.csv"));
		List<String> codes = lines.subList(1, lines.size()).stream().map(l -> Delimited.split(l, ',').get(0)).toList();
		FinessCategories mapping = FinessCategories.load();

		assertThat(codes).hasSize(124);
		assertThat(mapping.all().keySet()).containsAll(codes);
	}

	@Test
	void domainCategoriesLandInTheirFamily() {
		FinessCategories mapping = FinessCategories.load();
		assertThat(mapping.find("500").family()).isEqualTo(Family.EHPAD);
		assertThat(mapping.find("246").family()).isEqualTo(Family.DISABILITY_WORK);
		assertThat(mapping.find("183").family()).isEqualTo(Family.DISABILITY_HOUSING);
		assertThat(mapping.find("446").family()).isEqualTo(Family.DISABILITY_SERVICE);
		assertThat(mapping.find("207").family()).isEqualTo(Family.DAY_CARE);
		assertThat(mapping.find("463").family()).isEqualTo(Family.INFORMATION_POINT);
		assertThat(mapping.find("999")).isNull();
	}

}
