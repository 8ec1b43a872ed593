package fr.proxima.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of results: the items, how many match in total, and the link to the next page
 * (null on the last one).
 */
public record ResultPage<T>(long total, int limit, int offset, String next, List<T> items) {

	public static <T> ResultPage<T> of(List<T> items, long total, Paging paging) {
		return new ResultPage<>(total, paging.limit(), paging.offset(), null, items);
	}

	/**
	 * This page with its {@code next} link built from the current request; call it from a
	 * controller.
	 */
	public ResultPage<T> linked() {
		if (offset + items.size() >= total) {
			return this;
		}
		String link = ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("offset", offset + limit)
			.replaceQueryParam("limit", limit)
			.build()
			.toUriString();
		return new ResultPage<>(total, limit, offset, link, items);
	}

	/** The paging members, as the {@code metadata} of a GeoJSON FeatureCollection. */
	public Map<String, Object> metadata() {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("total", total);
		m.put("limit", limit);
		m.put("offset", offset);
		m.put("next", next);
		return m;
	}

}
