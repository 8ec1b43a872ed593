package fr.proxima.coverage;

import java.time.OffsetDateTime;
import java.util.List;

/** A stored scenario as the API returns it. */
public record ScenarioView(long id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		List<ScenarioRequest.Site> sites, List<Long> closures) {

	static ScenarioView of(Scenario s) {
		return new ScenarioView(s.getId(), s.getName(), s.getDescription(), s.getCreatedAt(), s.getUpdatedAt(),
				s.getSites()
					.stream()
					.map(x -> new ScenarioRequest.Site(x.getName(), x.getFamily().code(), x.getCapacity(),
							x.getGeom().getX(), x.getGeom().getY()))
					.toList(),
				List.copyOf(s.getClosures()));
	}

}
