package fr.proxima.importing;

import fr.proxima.support.H2Test;
import fr.proxima.support.PostgisTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

// issue 2: with a data folder configured and an empty store, the application imports the folder as it starts,
// before its web server accepts requests
class FirstStartTest {

	@TestPropertySource(properties = "proxima.import.data-dir=${proxima.shared-data}")
	@Import(CountsWhenServing.class)
	abstract static class Contract {

		@Autowired
		StoreStatus status;

		@Autowired
		CountsWhenServing whenServing;

		@Test
		void emptyStoreIsFilledFromTheDataFolderAtStart() {
			StoreStatus.Counts counts = status.counts();
			assertThat(counts.departements()).isEqualTo(7);
			assertThat(counts.communes()).isEqualTo(1_966);
			assertThat(counts.population()).isEqualTo(1_970);
			assertThat(counts.offers()).isEqualTo(274 + 4_414);
		}

		@Test
		void webServerAcceptsRequestsOnlyOnceTheImportIsOver() {
			assertThat(whenServing.counts).as("counts when the web server started").isEqualTo(status.counts());
		}

	}

	/** What the store held when the web server started accepting requests. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountsWhenServing implements ApplicationListener<WebServerInitializedEvent> {

		volatile StoreStatus.Counts counts;

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			counts = event.getApplicationContext().getBean(StoreStatus.class).counts();
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@H2Test
	@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:proxima-first-start;DB_CLOSE_DELAY=-1")
	class OnH2 extends Contract {

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@PostgisTest
	class OnPostgis extends Contract {

	}

}
