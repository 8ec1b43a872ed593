package fr.proxima.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running app's API over real HTTP, to compare what the pages show with what it
 * answers.
 */
final class AppApi {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	AppApi(int port) {
		this.base = "http://localhost:" + port;
	}

	String url(String path) {
		return base + path;
	}

	HttpResponse<String> response(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(url(path))).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	JsonNode get(String path) {
		HttpResponse<String> response = response(path);
		if (response.statusCode() != 200) {
			throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * The representative point of the first commune a place search finds, as
	 * {@code lon,lat}.
	 */
	String pointOf(String place) {
		JsonNode coordinates = get("/api/places?q=" + place).get(0).path("representativePoint").path("coordinates");
		return coordinates.get(0).asDouble() + "," + coordinates.get(1).asDouble();
	}

	/** The ids of a FeatureCollection's features, in order. */
	static List<Long> ids(JsonNode collection) {
		List<Long> ids = new ArrayList<>();
		collection.path("features").forEach(f -> ids.add(f.path("id").asLong()));
		return ids;
	}

}
