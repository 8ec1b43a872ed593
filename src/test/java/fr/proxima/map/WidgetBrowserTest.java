package fr.proxima.map;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

// issue 9: the embeddable widget (/embed, widget.js) and its builder, driven in headless Chromium
class WidgetBrowserTest extends BrowserTestBase {

	private List<Long> expectedSsiadNearMende() {
		return AppApi.ids(api.get("/api/routing/nearest-offers?point=" + api.pointOf("48095")
				+ "&family=ssiad&cutoffMinutes=90&limit=100&commune=48095"));
	}

	@Test
	void widgetWithOneFamilyAndACentreCommuneShowsOnlyThatFamilyAt320Pixels() {
		browser.width(320, 700);
		page.open(api.url("/embed?families=ssiad&commune=48095&search=0"));
		List<MapPage.Result> results = page.results();
		assertThat(results).isNotEmpty();
		assertThat(results).allSatisfy(r -> assertThat(r.type()).contains("(SSIAD)"));
		assertThat(results.stream().map(MapPage.Result::offerId).toList()).isEqualTo(expectedSsiadNearMende());
		assertThat(page.horizontalOverflow()).as("horizontal scrolling at 320 px").isLessThanOrEqualTo(0);
		assertThat(browser.driver().findElement(By.cssSelector("[data-search-form]")).isDisplayed()).isFalse();
		browser.screenshot("widget-ssiad-320");
		// the list alternative is kept: a result opens its details
		results.get(0).open();
		assertThat(page.detailOpen()).isTrue();
		browser.screenshot("widget-ssiad-detail-320");
		assertThat(browser.seriousAccessibilityViolations()).as("axe on the widget").isEmpty();
		browser.width(360, 780);
		page.open(api.url("/embed?families=ssiad&commune=48095"));
		browser.screenshot("widget-ssiad-360");
		browser.width(1280, 900);
		page.open(api.url("/embed?families=ssiad&commune=48095"));
		browser.screenshot("widget-ssiad-1280");
		assertThat(browser.seriousAccessibilityViolations()).as("axe on the widget with its search box").isEmpty();
	}

	@Test
	void embedPagesSendTheConfiguredFramingAndCorsHeaders() {
		HttpResponse<String> embed = api.response("/embed?families=ssiad");
		assertThat(embed.statusCode()).isEqualTo(200);
		assertThat(embed.headers().allValues("Content-Security-Policy")).contains("frame-ancestors *");
		assertThat(embed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(api.response("/embed/widget.js").headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
		assertThat(api.response("/").headers().allValues("Content-Security-Policy"))
			.noneMatch(p -> p.equals("frame-ancestors *"));
	}

	@Test
	void builderSnippetPastedIntoAPartnerPageShowsTheSameWidget() throws IOException {
		browser.driver().get(api.url("/embed/builder"));
		browser.waiting().until(d -> !d.findElement(By.id("b-snippet")).getDomProperty("value").isBlank());
		WebElement families = browser.driver().findElement(By.id("b-families"));
		families.sendKeys("ssiad");
		WebElement commune = browser.driver().findElement(By.id("b-commune"));
		commune.clear();
		commune.sendKeys("48095");
		browser.driver().findElement(By.id("b-search")).click();
		browser.driver().findElement(By.cssSelector("#builder-form button[type=submit]")).click();
		String snippet = browser.driver().findElement(By.id("b-snippet")).getDomProperty("value");
		assertThat(snippet).startsWith("<script src=\"" + api.url("/embed/widget.js") + "\"")
			.contains("data-families=\"ssiad\"", "data-commune=\"48095\"", "data-search=\"0\"");
		browser.switchToFrameWhenReady(By.cssSelector("#b-preview iframe"));
		new MapPage(browser).settled();
		browser.driver().switchTo().defaultContent();
		assertThat(browser.seriousAccessibilityViolations()).as("axe on the builder").isEmpty();
		browser.screenshot("builder-1280");
		browser.width(360, 780);
		browser.driver().get(api.url("/embed/builder"));
		browser.switchToFrameWhenReady(By.cssSelector("#b-preview iframe"));
		new MapPage(browser).settled();
		browser.driver().switchTo().defaultContent();
		browser.screenshot("builder-360");
		browser.width(1280, 900);

		HttpServer partner = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		byte[] html = ("<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Partner site</title>"
				+ "</head><body><h1>Commune partenaire</h1>" + snippet + "</body></html>")
			.getBytes(StandardCharsets.UTF_8);
		partner.createContext("/", exchange -> {
			if (!exchange.getRequestURI().getPath().equals("/")) {
				// the partner's favicon: nothing
				exchange.sendResponseHeaders(204, -1);
				exchange.close();
				return;
			}
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, html.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(html);
			}
		});
		partner.start();
		try {
			browser.driver().get("http://127.0.0.1:" + partner.getAddress().getPort() + "/");
			browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("iframe")));
			browser.switchToFrameWhenReady(By.cssSelector("iframe.proxima-widget"));
			MapPage widget = new MapPage(browser).settled();
			browser.driver().switchTo().defaultContent();
			browser.screenshot("partner-page-1280");
			browser.switchToFrameWhenReady(By.cssSelector("iframe.proxima-widget"));
			assertThat(widget.results().stream().map(MapPage.Result::offerId).toList())
				.isEqualTo(expectedSsiadNearMende());
			assertThat(widget.results()).allSatisfy(r -> assertThat(r.type()).contains("(SSIAD)"));
		}
		finally {
			browser.driver().switchTo().defaultContent();
			partner.stop(0);
		}
	}

}
