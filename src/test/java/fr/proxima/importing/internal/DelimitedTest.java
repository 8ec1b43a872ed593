package fr.proxima.importing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

// FINESS names kept their CSV escaping: every importer splits fields with RFC 4180 quoting
class DelimitedTest {

	@Test
	void quotedFieldsLoseTheirQuotingAndKeepTheirText() {
		assertThat(
				Delimited.split("structureet;\"\"\"LES ATELIERS DU CENTRE\"\"\";\"EHPAD  \"\"LES GENETS\"\"\";x", ';'))
			.containsExactly("structureet", "\"LES ATELIERS DU CENTRE\"", "EHPAD  \"LES GENETS\"", "x");
	}

	@Test
	void separatorInsideQuotesIsText() {
		assertThat(Delimited.split("\"a;b\";\"\";c", ';')).containsExactly("a;b", "", "c");
	}

	@Test
	void quoteInsideAnUnquotedFieldIsKeptAsItIs() {
		assertThat(Delimited.split("11 RES \"\"\"LES GARDIES\"\"\";next", ';'))
			.containsExactly("11 RES \"\"\"LES GARDIES\"\"\"", "next");
	}

	@Test
	void emptyFieldsAreKept() {
		assertThat(Delimited.split(";a;;", ';')).containsExactly("", "a", "", "");
	}

	@Test
	void textAroundQuotesAndAnOpenQuoteAreKept() {
		assertThat(Delimited.split("  \"a\"b ; \"open", ';')).containsExactly("ab", "open");
	}

	@Test
	void blankLineIsOneEmptyField() {
		assertThat(Delimited.split("", ';')).containsExactly("");
	}

}
