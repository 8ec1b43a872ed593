package fr.proxima.map;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.proxima.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The finder as a user sees it, on the public map or inside the widget: a search box,
 * filters, the list of results, the map's markers and the detail panel.
 */
class MapPage {

	private static final Pattern MINUTES = Pattern.compile("(\\d+) min");

	private final Browser browser;

	private final WebDriver driver;

	MapPage(Browser browser) {
		this.browser = browser;
		this.driver = browser.driver();
	}

	/**
	 * Opens a page of the app ({@code /?q=Mende}, {@code /embed?…}) and waits for its
	 * first answer.
	 */
	MapPage open(String url) {
		driver.get(url);
		return settled();
	}

	/** Waits until the finder is no longer loading. */
	MapPage settled() {
		browser.waiting().until(d -> {
			List<WebElement> finder = d.findElements(By.cssSelector("#finder[data-state]"));
			String state = finder.isEmpty() ? "loading" : finder.get(0).getDomAttribute("data-state");
			return !"loading".equals(state)
					&& d.findElements(By.cssSelector("[data-results][aria-busy='true']")).isEmpty();
		});
		return this;
	}

	String state() {
		return driver.findElement(By.id("finder")).getDomAttribute("data-state");
	}

	MapPage search(String place) {
		WebElement input = driver.findElement(By.id("place"));
		input.clear();
		input.sendKeys(place);
		driver.findElement(By.cssSelector("[data-search-form] button[type=submit]")).click();
		return settled();
	}

	MapPage chooseNeed(String need) {
		new Select(driver.findElement(By.id("need"))).selectByValue(need);
		return settled();
	}

	MapPage chooseMinutes(int minutes) {
		new Select(driver.findElement(By.id("minutes"))).selectByValue(Integer.toString(minutes));
		return settled();
	}

	List<Result> results() {
		return driver.findElements(By.cssSelector("[data-results] .result")).stream().map(Result::new).toList();
	}

	Result resultAt(int rank) {
		return results().get(rank - 1);
	}

	/** What the polite live region announced last. */
	String announced() {
		WebElement status = driver.findElement(By.cssSelector("[data-status]"));
		browser.waiting().until(d -> !status.getText().isBlank() || !status.getDomProperty("textContent").isBlank());
		return status.getDomProperty("textContent");
	}

	String summary() {
		return driver.findElement(By.cssSelector("[data-summary]")).getText();
	}

	/** Offer ids of the single markers drawn on the map. */
	List<Long> markerIds() {
		return driver.findElements(By.cssSelector(".leaflet-marker-pane .result-marker"))
			.stream()
			.map(m -> Long.parseLong(m.getDomAttribute("data-offer-id")))
			.toList();
	}

	/** How many results the map's clusters stand for. */
	int clusteredCount() {
		return driver.findElements(By.cssSelector(".leaflet-marker-pane .result-cluster"))
			.stream()
			.mapToInt(c -> Integer.parseInt(c.getDomProperty("textContent").trim()))
			.sum();
	}

	boolean drawsIsochrone() {
		return !driver.findElements(By.cssSelector(".leaflet-overlay-pane path.isochrone")).isEmpty();
	}

	WebElement detail() {
		return driver.findElement(By.cssSelector("[data-detail]"));
	}

	boolean detailOpen() {
		return detail().isDisplayed();
	}

	/**
	 * Waits until the detail panel shows the offer's details (not its loading message).
	 */
	MapPage detailLoaded() {
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[data-detail] dl")));
		return this;
	}

	String detailPhone() {
		return detail().findElement(By.cssSelector("a.detail-phone")).getText();
	}

	WebElement focused() {
		return driver.switchTo().activeElement();
	}

	long horizontalOverflow() {
		return (Long) ((JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/** One result of the list. */
	final class Result {

		private final WebElement button;

		Result(WebElement button) {
			this.button = button;
		}

		long offerId() {
			return Long.parseLong(button.getDomAttribute("data-offer-id"));
		}

		String name() {
			return button.findElement(By.cssSelector(".result-name")).getText();
		}

		String type() {
			return button.findElement(By.cssSelector(".result-type")).getText();
		}

		String time() {
			return button.findElement(By.cssSelector(".result-time")).getText();
		}

		int minutes() {
			Matcher m = MINUTES.matcher(time());
			if (!m.find()) {
				throw new AssertionError("no travel time in '" + time() + "'");
			}
			return Integer.parseInt(m.group(1));
		}

		WebElement element() {
			return button;
		}

		MapPage open() {
			button.click();
			return detailLoaded();
		}

	}

}
