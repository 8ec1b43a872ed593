package fr.proxima.tours;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.jayway.jsonpath.JsonPath;
import fr.proxima.routing.Route;
import fr.proxima.routing.TravelMethod;
import fr.proxima.routing.TravelTimeEngine;
import fr.proxima.routing.WithAndorraGraph;
import fr.proxima.shared.Geo;
import fr.proxima.support.H2Test;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A 12-visit tour on the real Andorra road graph, given in a poor order: the optimised
 * order drives no longer and starts every visit within its window, both checked with the
 * engine's own routes, leg by leg.
 */
// issue 13: optimisation on the road network, checked from the engine's own times
@SpringBootTest
@AutoConfigureMockMvc
@H2Test
@WithAndorraGraph
@TestPropertySource(properties = "proxima.tours.departements=")
class AndorraOptimisationTest extends ToursFixture {

	/** Andorra la Vella, the service's premises. */
	static final double[] PREMISES = { 1.5218, 42.5078 };

	/**
	 * Villages along the valleys, in a natural order, with windows (minutes) that order
	 * can keep.
	 */
	static final double[][] VILLAGES = { { 1.4920, 42.4640, 480, 660 }, { 1.4980, 42.4950, 480, 660 },
			{ 1.5160, 42.5330, 480, 660 }, { 1.5150, 42.5450, 480, 660 }, { 1.4840, 42.5720, 600, 810 },
			{ 1.5330, 42.5560, 600, 810 }, { 1.5346, 42.5096, 600, 810 }, { 1.5800, 42.5350, 600, 810 },
			{ 1.5975, 42.5670, 720, 990 }, { 1.6670, 42.5770, 720, 990 }, { 1.7330, 42.5420, 720, 990 },
			{ 1.5400, 42.5150, 720, 990 } };

	/** The order the coordinator typed: the villages shuffled. */
	static final int[] GIVEN = { 10, 0, 7, 3, 11, 1, 9, 5, 2, 8, 4, 6 };

	@Autowired
	TravelTimeEngine engine;

	@Override
	boolean needsLozere() {
		return false;
	}

	@Test
	void optimisedTourDrivesNoLongerAndKeepsEveryWindow() throws Exception {
		long org = organisation("SSIAD INVENTÉ ANDORRE", PREMISES);
		StringBuilder visits = new StringBuilder();
		for (int i : GIVEN) {
			double[] v = VILLAGES[i];
			visits.append(visits.length() == 0 ? "" : ",")
				.append(String.format(Locale.ROOT,
						"{\"lon\":%.4f,\"lat\":%.4f,\"from\":\"%s\",\"to\":\"%s\",\"durationMinutes\":20,\"careType\":\"nursing\"}",
						v[0], v[1], hhmm(v[2]), hhmm(v[3])));
		}
		String created = mvc
			.perform(post("/api/tours/organisations/" + org + "/tours")
				.with(fr.proxima.support.TestUsers.as(jdbc, "coord-andorra@test.proxima.fr", List.of(org),
						fr.proxima.accounts.Role.COORDINATOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"date\":\"2026-11-23\",\"caregiver\":\"IDE-A\",\"departure\":\"08:00\",\"visits\":["
						+ visits + "]}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.method").value("network"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		long id = ((Number) JsonPath.read(created, "$.id")).longValue();
		String result = mvc
			.perform(post("/api/tours/" + id + "/optimisation").param("apply", "true")
				.with(fr.proxima.support.TestUsers.as(jdbc, "coord-andorra@test.proxima.fr", List.of(org),
						fr.proxima.accounts.Role.COORDINATOR)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("network"))
			.andExpect(jsonPath("$.unassigned.length()").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> order = JsonPath.read(result, "$.order");
		assertThat(order).hasSize(12).doesNotHaveDuplicates();
		System.out.printf(Locale.ROOT, "[tours] Andorra 12 visits: before %s min, after %s min, %s ms%n",
				JsonPath.read(result, "$.before.driveMinutes"), JsonPath.read(result, "$.after.driveMinutes"),
				JsonPath.read(result, "$.millis"));

		List<double[]> given = new ArrayList<>();
		for (int i : GIVEN) {
			given.add(VILLAGES[i]);
		}
		List<double[]> optimised = order.stream().map(given::get).toList();
		double[] before = drive(given);
		double[] after = drive(optimised);
		assertThat(after[0]).as("drive seconds after vs before").isLessThanOrEqualTo(before[0]);
		assertThat(after[1]).as("visits late after optimising").isZero();
	}

	/**
	 * Drive seconds and late visits of the villages in this order, from the engine's
	 * routes: leave at 08:00, wait for each window, 20 minutes per visit.
	 */
	double[] drive(List<double[]> villages) {
		double clock = 8 * 3600;
		double drive = 0;
		int late = 0;
		double[] at = PREMISES;
		for (double[] v : villages) {
			Route r = engine.route(Geo.point(at[0], at[1]), Geo.point(v[0], v[1]), null, false);
			assertThat(r.leg().method()).isEqualTo(TravelMethod.NETWORK);
			drive += r.leg().seconds();
			clock = Math.max(clock + r.leg().seconds(), v[2] * 60);
			if (clock > v[3] * 60 + 0.5) {
				late++;
			}
			clock += 20 * 60;
			at = v;
		}
		drive += engine.route(Geo.point(at[0], at[1]), Geo.point(PREMISES[0], PREMISES[1]), null, false)
			.leg()
			.seconds();
		return new double[] { drive, late };
	}

	static String hhmm(double minutes) {
		return String.format(Locale.ROOT, "%02d:%02d", (int) minutes / 60, (int) minutes % 60);
	}

}
