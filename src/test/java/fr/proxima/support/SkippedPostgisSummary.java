package fr.proxima.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * An honest end of {@code ./mvnw test} (issue 10): Surefire counts a skipped PostGIS
 * class as no test at all ("Skipped: 0"), so this listener counts the tests inside every
 * class {@link RequirePostgis} skipped and prints, as the run ends, how many did not run
 * and how to enable them. Registered in {@code META-INF/services}.
 */
public class SkippedPostgisSummary implements TestExecutionListener {

	private final AtomicInteger skippedTests = new AtomicInteger();

	private volatile String reason;

	private volatile TestPlan plan;

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		this.plan = testPlan;
	}

	@Override
	public void executionSkipped(TestIdentifier identifier, String why) {
		if (why == null || !why.startsWith(RequirePostgis.SKIP_PREFIX)) {
			return;
		}
		reason = why;
		long tests = identifier.isTest() ? 1
				: plan == null ? 0 : plan.getDescendants(identifier).stream().filter(TestIdentifier::isTest).count();
		skippedTests.addAndGet((int) Math.max(1, tests));
	}

	@Override
	public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
		// nothing: only skips are counted
	}

	@Override
	public void testPlanExecutionFinished(TestPlan testPlan) {
		if (skippedTests.get() == 0) {
			return;
		}
		String line = "=".repeat(100);
		System.out.println(line);
		System.out.println("WARNING: " + skippedTests.get() + " PostGIS test(s) did NOT run (Surefire does not count"
				+ " them as skipped).");
		System.out.println(reason);
		System.out.println(line);
	}

}
