package fr.proxima.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import fr.proxima.accounts.AccountSettings;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins counted per account and per client address over a sliding window: past
 * the limit, sign-in is refused (even with the right password) until the oldest failure
 * leaves the window. Kept in memory, per instance.
 */
@Component
public class LoginThrottle {

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final AccountSettings settings;

	private Clock clock = Clock.systemUTC();

	LoginThrottle(AccountSettings settings) {
		this.settings = settings;
	}

	/**
	 * How long this account or address must still wait; {@link Duration#ZERO} when it may
	 * try.
	 */
	public Duration wait(String account, String address) {
		Duration a = wait("account:" + account, settings.maxFailuresPerAccount());
		Duration b = wait("address:" + address, settings.maxFailuresPerAddress());
		return a.compareTo(b) >= 0 ? a : b;
	}

	public void failed(String account, String address) {
		Instant now = clock.instant();
		for (String key : new String[] { "account:" + account, "address:" + address }) {
			Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
			synchronized (times) {
				times.addLast(now);
				while (times.size() > 100) {
					times.removeFirst();
				}
			}
		}
		if (failures.size() > 100_000) {
			failures.entrySet().removeIf(e -> wait(e.getKey(), 0).isZero());
		}
	}

	/** A successful sign-in clears the account's failures (not the address's). */
	public void succeeded(String account) {
		failures.remove("account:" + account);
	}

	private Duration wait(String key, int limit) {
		Deque<Instant> times = failures.get(key);
		if (times == null) {
			return Duration.ZERO;
		}
		Instant windowStart = clock.instant().minus(settings.failureWindow());
		synchronized (times) {
			while (!times.isEmpty() && times.peekFirst().isBefore(windowStart)) {
				times.removeFirst();
			}
			if (times.size() < limit || times.isEmpty()) {
				return Duration.ZERO;
			}
			// the failure that must leave the window for the count to drop under the
			// limit
			Instant deciding = times.stream().skip(times.size() - limit).findFirst().orElseThrow();
			return Duration.between(windowStart, deciding).plusSeconds(1);
		}
	}

	/** For tests: the clock the window is measured on. */
	public void setClock(Clock clock) {
		this.clock = clock;
	}

	/** For tests: forget every failure. */
	public void clear() {
		failures.clear();
	}

}
