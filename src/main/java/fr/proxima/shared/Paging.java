package fr.proxima.shared;

/**
 * A checked {@code limit}/{@code offset} pair: the limit defaults to, and may not exceed,
 * the configured bounds.
 */
public record Paging(int limit, int offset) {

	public static Paging of(Integer limit, Integer offset, ApiSettings settings) {
		int l = limit == null ? settings.defaultLimit() : limit;
		int o = offset == null ? 0 : offset;
		if (l < 1 || l > settings.maxLimit()) {
			throw new InvalidInputException(
					"limit " + l + " is out of range: it must be between 1 and " + settings.maxLimit());
		}
		if (o < 0) {
			throw new InvalidInputException("offset " + o + " is out of range: it must be 0 or more");
		}
		return new Paging(l, o);
	}

}
