package fr.proxima.accounts;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import fr.proxima.accounts.internal.AccountService;
import fr.proxima.support.H2Test;
import fr.proxima.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

// issue 11: over real HTTP (Tomcat, cookies), signing in replaces the session id (session fixation protection) and
// the form needs the CSRF token of the XSRF-TOKEN cookie
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@H2Test
class SessionOverHttpTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	AccountService accounts;

	@Test
	void signingInGivesANewSessionId() throws Exception {
		long id = TestUsers.user(jdbc, "http@test.proxima.fr", List.of(), Role.PLANNER);
		jdbc.update("UPDATE app_user SET password_hash = ? WHERE id = ?", accounts.hash("a long passphrase"), id);
		CookieManager cookies = new CookieManager();
		HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
		URI base = URI.create("http://localhost:" + port);
		// a session exists before signing in (as when a page was visited with a planted
		// session id)
		http.send(HttpRequest.newBuilder(base.resolve("/account/")).build(), HttpResponse.BodyHandlers.discarding());
		String before = cookie(cookies, "JSESSIONID");
		String csrf = cookie(cookies, "XSRF-TOKEN");
		assertThat(before).isNotNull();
		assertThat(csrf).isNotNull();

		HttpResponse<Void> without = post(http, base, "email=http%40test.proxima.fr&password=a+long+passphrase");
		assertThat(without.headers().firstValue("Location").orElse("")).as("no CSRF token, no sign-in")
			.doesNotEndWith("/account/");

		HttpResponse<Void> in = post(http, base, "email=http%40test.proxima.fr&password=a+long+passphrase&_csrf="
				+ URLEncoder.encode(csrf, StandardCharsets.UTF_8));
		assertThat(in.statusCode()).isEqualTo(302);
		assertThat(in.headers().firstValue("Location").orElse("")).endsWith("/account/");
		String after = cookie(cookies, "JSESSIONID");
		assertThat(after).as("a new session id after signing in").isNotNull().isNotEqualTo(before);
		HttpResponse<String> me = http.send(HttpRequest.newBuilder(base.resolve("/api/account")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(me.body()).contains("http@test.proxima.fr");
		// a session write carries the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN
		// header
		HttpRequest.Builder create = HttpRequest.newBuilder(base.resolve("/api/coverage/scenarios"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"http-test\"}"));
		assertThat(http.send(create.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
		assertThat(http
			.send(create.header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode()).isEqualTo(201);
		jdbc.update("DELETE FROM scenario WHERE name = 'http-test'");
	}

	// issue 15: a public read makes no CSRF token and no session (no cookie to set); a
	// page still gets the readable token its scripts send, and a script asks for one
	@Test
	void publicReadsSetNoCookieWhilePagesAndTheCsrfEndpointDo() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		URI base = URI.create("http://localhost:" + port);
		HttpResponse<Void> read = http.send(HttpRequest.newBuilder(base.resolve("/api/offers?limit=1")).build(),
				HttpResponse.BodyHandlers.discarding());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().allValues("Set-Cookie")).isEmpty();
		for (String path : List.of("/account/", "/api/account/csrf")) {
			HttpResponse<Void> page = http.send(HttpRequest.newBuilder(base.resolve(path)).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(page.headers().allValues("Set-Cookie")).as(path).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
		}
	}

	private static HttpResponse<Void> post(HttpClient http, URI base, String form) throws Exception {
		return http.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
	}

	private static String cookie(CookieManager cookies, String name) {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(c -> c.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

}
