package fr.proxima.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of accounts and sign-in ({@code proxima.accounts.*}, documented in
 * docs/accounts.md).
 *
 * @param adminEmail e-mail of the first admin, created at start when no admin exists
 * @param adminPassword its password; empty: a one-time setup link is written to the log
 * @param baseUrl where setup links point; empty (the default):
 * {@code proxima.public-url}, or {@code http://localhost:<server.port>} when that is
 * empty too
 * @param minPasswordLength shortest password accepted
 * @param setupLinkValidity how long a setup or invitation link works
 * @param defaultTokenDays life of a personal API token when none is asked
 * @param maxTokenDays longest life of a personal API token
 * @param maxTokensPerUser most live tokens one user may hold
 * @param maxFailuresPerAccount failed sign-ins of one account within the window before it
 * is refused
 * @param maxFailuresPerAddress failed sign-ins from one client address within the window
 * before it is refused
 * @param failureWindow the throttling window
 */
@ConfigurationProperties("proxima.accounts")
public record AccountSettings(@DefaultValue("") String adminEmail, @DefaultValue("") String adminPassword,
		@DefaultValue("") String baseUrl, @DefaultValue("12") int minPasswordLength,
		@DefaultValue("72h") Duration setupLinkValidity, @DefaultValue("90") int defaultTokenDays,
		@DefaultValue("365") int maxTokenDays, @DefaultValue("20") int maxTokensPerUser,
		@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
		@DefaultValue("15m") Duration failureWindow) {

}
