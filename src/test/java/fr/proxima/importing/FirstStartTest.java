package fr.proxima.importing;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: with a data folder configured and an empty store, the application imports the folder as it starts
class FirstStartTest {

	@TestPropertySource(properties = "proxima.import.data-dir=${proxima.shared-data}")
	abstract static class Contract {

		@Autowired
		StoreStatus status;

		@Test
		void emptyStoreIsFilledFromTheDataFolderAtStart() {
			StoreStatus.Counts counts = status.counts();
			assertThat(counts.departements()).isEqualTo(7);
			assertThat(counts.communes()).isEqualTo(1_966);
			assertThat(counts.population()).isEqualTo(1_970);
			assertThat(counts.offers()).isEqualTo(274 + 4_414);
		}

	}

	@Nested
	@SpringBootTest
	@H2Test
	@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:proxima-first-start;DB_CLOSE_DELAY=-1")
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
