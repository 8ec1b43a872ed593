package fr.proxima.map;

import java.util.List;

import fr.proxima.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The planner workspace as a planner sees it (issue 12): the sign-in on the way, the
 * parameters, the choropleth and its legend, the ranked table, the commune panel, the
 * scenario and the suggestions.
 */
class PlannerPage {

	private final Browser browser;

	private final WebDriver driver;

	PlannerPage(Browser browser) {
		this.browser = browser;
		this.driver = browser.driver();
	}

	/** Fills the sign-in form the page sent us to. */
	void signIn(String email, String password) {
		browser.waiting().until(ExpectedConditions.urlContains("/login/"));
		browser.waiting().until(d -> !d.findElement(By.id("csrf")).getDomProperty("value").isEmpty());
		driver.findElement(By.id("email")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("#login button[type=submit]")).click();
	}

	/**
	 * Waits for the map to be drawn (a first time, or again after {@code drawnBefore}).
	 */
	PlannerPage ready(String drawnBefore) {
		browser.waiting()
			.until(d -> "ready".equals(d.findElement(By.tagName("body")).getDomAttribute("data-state"))
					&& !String.valueOf(drawnBefore)
						.equals(d.findElement(By.tagName("body")).getDomAttribute("data-drawn")));
		return this;
	}

	PlannerPage ready() {
		return ready(null);
	}

	String drawn() {
		return driver.findElement(By.tagName("body")).getDomAttribute("data-drawn");
	}

	List<WebElement> communePolygons() {
		return driver.findElements(By.cssSelector("path.choropleth-commune"));
	}

	List<WebElement> legendEntries() {
		return driver.findElements(By.cssSelector("#legend li"));
	}

	List<WebElement> tableRows() {
		return driver.findElements(By.cssSelector("#ranking-table tbody tr"));
	}

	String firstRowCode() {
		return tableRows().get(0).getDomAttribute("data-code");
	}

	void chooseLayer(String layer) {
		String before = drawn();
		new Select(driver.findElement(By.id("layer"))).selectByValue(layer);
		browser.waiting()
			.until(d -> d.findElements(By.cssSelector("#legend h3")).stream().anyMatch(h -> !h.getText().isEmpty())
					&& before.equals(drawn()));
	}

	/**
	 * Opens a commune from the table (its button), as a keyboard user would with Enter.
	 */
	void openCommuneFromTable(String code) {
		driver.findElement(By.cssSelector("#ranking-table tr[data-code='" + code + "'] button.commune-link")).click();
		browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(
					By.cssSelector("#commune .explanation table, " + "#commune .explanation p + p")));
	}

	void addSiteInOpenCommune() {
		browser.waiting().until(ExpectedConditions.elementToBeClickable(By.id("commune-add-site"))).click();
		browser.waiting().until(d -> !d.findElements(By.cssSelector("#scenario-sites li")).isEmpty());
	}

	/** Names and saves the scenario; waits for its deltas. */
	void saveScenario(String name) {
		WebElement input = driver.findElement(By.id("scenario-name"));
		input.clear();
		input.sendKeys(name);
		driver.findElement(By.id("scenario-save")).click();
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#scenario-deltas h3"), name));
	}

	long scenarioId() {
		return Long.parseLong(driver.findElement(By.id("scenario")).getDomAttribute("data-scenario-id"));
	}

	/** A figure of the deltas as a number (French digit grouping removed). */
	long delta(String figure) {
		String text = driver.findElement(By.cssSelector("#scenario-deltas [data-figure='" + figure + "']")).getText();
		return Long.parseLong(text.replaceAll("[^0-9-]", ""));
	}

	void suggest(int k) {
		WebElement input = driver.findElement(By.id("suggestion-k"));
		input.clear();
		input.sendKeys(String.valueOf(k));
		driver.findElement(By.id("suggestion-run")).click();
		browser.waiting().until(d -> d.findElements(By.cssSelector("#suggestion-list li[data-rank]")).size() > 0);
	}

	void useSuggestion(int rank) {
		driver.findElement(By.cssSelector("#suggestion-list button[data-rank='" + rank + "']")).click();
		browser.waiting().until(d -> !d.findElements(By.cssSelector("#scenario-sites li")).isEmpty());
	}

	String downloadHref(String name) {
		return driver.findElement(By.cssSelector("[data-download='" + name + "']")).getDomProperty("href");
	}

}
