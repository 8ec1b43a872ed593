package fr.proxima.map;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import fr.proxima.accounts.Role;
import fr.proxima.accounts.internal.AccountService;
import fr.proxima.routing.TravelTimePrecompute;
import fr.proxima.routing.TravelTimeRun;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 12: the time from a parameter change to the redrawn choropleth of Lozère and its neighbours, measured in the
// browser (from the form's change event to the frame after the map's restyle), on the embedded store (goal ≤ 1 s)
class PlannerBench extends BrowserTestBase {

	static final String PASSWORD = "a planner's passphrase";

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	/**
	 * Changes one form control and answers the milliseconds until the map is drawn again
	 * and painted.
	 */
	long change(String id, String value) {
		Object ms = browser.driver().executeAsyncScript("""
				const [id, value, done] = arguments;
				const body = document.body;
				const before = body.dataset.drawn;
				const control = document.getElementById(id);
				const started = performance.now();
				const observer = new MutationObserver(() => {
				  if (body.dataset.drawn !== before && body.dataset.state === 'ready') {
				    observer.disconnect();
				    requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)));
				  }
				});
				observer.observe(body, { attributes: true });
				control.value = value;
				control.dispatchEvent(new Event('change', { bubbles: true }));
				""", id, value);
		return Math.round(((Number) ms).doubleValue());
	}

	@Autowired
	TravelTimePrecompute precompute;

	@Test
	void parameterChangeRedrawsLozereAndNeighboursWithinOneSecond() {
		// the offer × commune times precomputed, as the running product has them (tests
		// turn auto-refresh off)
		TravelTimeRun run = precompute.refresh();
		System.out.printf("travel times precomputed: %s%n", run);
		long id = TestUsers.user(jdbc, "planner-bench@test.proxima.fr", List.of(), Role.PLANNER);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash(PASSWORD), id);
		List<String> departements = new ArrayList<>();
		api.get("/api/departements").forEach(d -> departements.add(d.path("code").asString()));
		PlannerPage planner = new PlannerPage(browser);
		browser.driver().get(api.url("/planner/?families=ehpad&departements=" + String.join(",", departements)));
		planner.signIn("planner-bench@test.proxima.fr", PASSWORD);
		planner.ready();
		int polygons = planner.communePolygons().size();
		List<Long> minutes = new ArrayList<>();
		List<Long> demand = new ArrayList<>();
		List<Long> need = new ArrayList<>();
		String[] demands = { "aged_85_plus", "total", "aged_75_plus" };
		String[] needs = { "soins-domicile", "hebergement", "aide-domicile" };
		for (int i = 0; i < 12; i++) {
			minutes.add(change("minutes", String.valueOf(15 + 5 * (i % 4))));
			demand.add(change("demand", demands[i % 3]));
			need.add(change("need", needs[i % 3]));
		}
		long first = minutes.get(0);
		String fetched = browser.driver().findElement(By.tagName("body")).getDomAttribute("data-fetch-ms");
		String drawn = browser.driver().findElement(By.tagName("body")).getDomAttribute("data-draw-ms");
		System.out.printf("planner workspace, %d communes of départements %s, %d polygons:%n", polygons, departements,
				polygons);
		print("T changed", minutes);
		print("demand changed", demand);
		print("need changed (other families)", need);
		System.out.printf("  first change %d ms; the last one inside the page: %s ms for the two coverage requests,"
				+ " %s ms to restyle the map and write the legend and table%n", first, fetched, drawn);
		List<Long> all = new ArrayList<>(minutes);
		all.addAll(demand);
		all.addAll(need);
		Collections.sort(all);
		long median = all.get(all.size() / 2);
		System.out.printf("  all %d changes: median %d ms, goal ≤ 1000 ms %s%n", all.size(), median,
				median <= 1000 ? "met" : "NOT met on this run");
		assertThat(median).as("median redraw, ms").isPositive();
	}

	static void print(String what, List<Long> ms) {
		List<Long> sorted = new ArrayList<>(ms);
		Collections.sort(sorted);
		System.out.printf("  %-32s median %4d ms, max %4d ms (%d changes)%n", what, sorted.get(sorted.size() / 2),
				sorted.get(sorted.size() - 1), sorted.size());
	}

}
