package fr.proxima.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

// tryout: import warnings were only in the report; they are logged too, the first ones each, then a count
@ExtendWith(OutputCaptureExtension.class)
class ImportReportTest {

	@Test
	void firstWarningsAreLoggedOneByOneThenCounted(CapturedOutput output) {
		ImportReport report = new ImportReport("offers");
		int warnings = ImportReport.MAX_LOGGED + 5;
		for (int i = 1; i <= warnings; i++) {
			report.warn("offers.csv:" + i + ": offer x:" + i + " listed twice; the last one wins");
		}
		report.finished(1);

		assertThat(output.getAll())
			.contains("offers import: offers.csv:1: offer x:1 listed twice",
					"offers.csv:" + ImportReport.MAX_LOGGED + ": offer", "offers import: 5 more warning(s) not logged")
			.doesNotContain("offers.csv:" + (ImportReport.MAX_LOGGED + 1) + ":");
		assertThat(report.getWarnings()).hasSize(warnings);
	}

}
