package fr.proxima.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of results: the items, how many match in total (null when it was not counted),
 * and the link to the next page (null on the last one).
 */
public record ResultPage<T>(Long total, int limit, int offset, String next, List<T> items) {

	public static <T> ResultPage<T> of(List<T> items, long total, Paging paging) {
		return new ResultPage<>(total, paging.limit(), paging.offset(), null, items);
	}

	/**
	 * A page read with one row more than its limit: the extra row only tells that a next
	 * page exists. The total is known without counting when this page is the last one;
	 * otherwise {@code count} runs only if the caller asked for the total.
	 */
	public static <T> ResultPage<T> probed(List<T> rows, Paging paging, boolean countAsked, LongSupplier count) {
		boolean more = rows.size() > paging.limit();
		List<T> items = more ? rows.subList(0, paging.limit()) : rows;
		boolean last = !more && (paging.offset() == 0 || !items.isEmpty());
		Long total = last ? Long.valueOf(paging.offset() + items.size()) : countAsked ? count.getAsLong() : null;
		return new ResultPage<>(total, paging.limit(), paging.offset(), null, List.copyOf(items));
	}

	/**
	 * This page with its {@code next} link built from the current request; call it from a
	 * controller.
	 */
	public ResultPage<T> linked() {
		boolean more = total == null ? items.size() == limit : offset + items.size() < total;
		if (!more) {
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
