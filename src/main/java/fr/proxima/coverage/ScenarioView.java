package fr.proxima.coverage;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A stored scenario as the API returns it: {@code owner} is its author's e-mail (null for
 * scenarios stored before accounts), {@code editable} whether the caller may change it.
 */
public record ScenarioView(long id, String name, String description, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		String owner, String visibility, List<String> sharedWith, boolean editable, List<ScenarioRequest.Site> sites,
		List<Long> closures) {

	static ScenarioView of(Scenario s, Map<Long, String> emails, boolean editable) {
		return new ScenarioView(s.getId(), s.getName(), s.getDescription(), s.getCreatedAt(), s.getUpdatedAt(),
				s.getOwnerId() == null ? null : emails.get(s.getOwnerId()), s.getVisibility().name().toLowerCase(),
				s.getSharedWith().stream().map(emails::get).sorted().toList(), editable,
				s.getSites()
					.stream()
					.map(x -> new ScenarioRequest.Site(x.getName(), x.getFamily().code(), x.getCapacity(),
							x.getGeom().getX(), x.getGeom().getY()))
					.toList(),
				List.copyOf(s.getClosures()));
	}

}
