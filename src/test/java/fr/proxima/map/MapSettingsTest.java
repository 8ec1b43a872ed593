package fr.proxima.map;

import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// issue 9: what an operator configures for the map pages: the base map tiles and the sites that may embed the widget
class MapSettingsTest {

	@Nested
	@SpringBootTest
	@AutoConfigureMockMvc
	@H2Test
	class Defaults {

		@Autowired
		MockMvc mvc;

		@Test
		void withoutConfigurationNoTilesAreUsedAndAnySiteMayEmbed() throws Exception {
			mvc.perform(get("/api/map/config"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.tileUrl").isEmpty())
				.andExpect(jsonPath("$.attribution").isEmpty())
				.andExpect(jsonPath("$.departements[0]").value("48"));
			mvc.perform(get("/embed"))
				.andExpect(status().isOk())
				.andExpect(header().stringValues("Content-Security-Policy", hasItem("frame-ancestors *")))
				.andExpect(header().string("Access-Control-Allow-Origin", "*"));
			mvc.perform(get("/embed/builder")).andExpect(status().isOk());
			mvc.perform(get("/"))
				.andExpect(header().stringValues("Content-Security-Policy", not(hasItem("frame-ancestors *"))));
		}

	}

	@Nested
	@SpringBootTest(properties = { "proxima.map.tile-url=https://tiles.example.org/{z}/{x}/{y}.png",
			"proxima.map.attribution=© Example contributors", "proxima.map.departements=48,12",
			"proxima.embed.allowed-origins=https://www.partner.example,https://info-seniors.example" })
	@AutoConfigureMockMvc
	@H2Test
	class Configured {

		@Autowired
		MockMvc mvc;

		@Test
		void tilesAndTheirAttributionAreGivenToThePages() throws Exception {
			mvc.perform(get("/api/map/config"))
				.andExpect(jsonPath("$.tileUrl").value("https://tiles.example.org/{z}/{x}/{y}.png"))
				.andExpect(jsonPath("$.attribution").value("© Example contributors"))
				.andExpect(jsonPath("$.departements[1]").value("12"));
		}

		@Test
		void onlyTheAllowedSitesMayFrameTheWidgetOrReadItsFiles() throws Exception {
			mvc.perform(get("/embed").header("Origin", "https://www.partner.example"))
				.andExpect(status().isOk())
				.andExpect(header().stringValues("Content-Security-Policy",
						hasItem("frame-ancestors https://www.partner.example https://info-seniors.example")))
				.andExpect(header().string("Access-Control-Allow-Origin", "https://www.partner.example"))
				.andExpect(header().string("Vary", "Origin"));
			mvc.perform(get("/embed/widget.js").header("Origin", "https://elsewhere.example"))
				.andExpect(status().isOk())
				.andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
		}

	}

}
