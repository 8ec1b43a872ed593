package fr.proxima;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

// issue 8: the feature modules, their allowed dependencies and their internals are checked at every build
class ModularityTest {

	static final ApplicationModules MODULES = ApplicationModules.of(ProximaApplication.class);

	@Test
	void modulesKeepTheirBoundaries() {
		// no cycles; other modules only use a module's top package; only the dependencies
		// each package-info.java allows
		MODULES.verify();
	}

	@Test
	void everyFeaturePackageIsAModule() {
		assertThat(MODULES.stream().map(ModularityTest::name)).contains("shared", "config", "territory", "offers",
				"importing", "routing", "coverage", "accounts");
	}

	// issue 3: GraphHopper stays replaceable behind the routing module's public face
	@Test
	void onlyRoutingInternalsUseGraphHopper() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.proxima");
		noClasses().that()
			.resideOutsideOfPackage("fr.proxima.routing.internal..")
			.should()
			.dependOnClassesThat(
					com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage("com.graphhopper..")
						.and(com.tngtech.archunit.base.DescribedPredicate
							.not(com.tngtech.archunit.core.domain.JavaClass.Predicates
								.resideInAPackage("com.graphhopper.jsprit.."))))
			.because("only fr.proxima.routing.internal may use GraphHopper")
			.check(classes);
	}

	// issue 13: jsprit (also published under com.graphhopper) stays behind the tours
	// module's solver
	@Test
	void onlyTheToursSolverUsesJsprit() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("fr.proxima");
		noClasses().that()
			.resideOutsideOfPackage("fr.proxima.tours.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("com.graphhopper.jsprit..")
			.because("only fr.proxima.tours.internal may use jsprit")
			.check(classes);
	}

	/**
	 * Writes the module diagrams (PlantUML) into docs/modules, and checks that the
	 * Mermaid diagram in ARCHITECTURE.md is the one the code has.
	 */
	@Test
	void architecturePageShowsTheModulesAsTheyAre() throws IOException {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		String architecture = Files.readString(Path.of("ARCHITECTURE.md"), StandardCharsets.UTF_8);
		assertThat(architecture).as("ARCHITECTURE.md must hold this diagram (copy it there)")
			.contains(mermaid(MODULES));
	}

	static String name(ApplicationModule module) {
		return module.getIdentifier().toString();
	}

	/** Every module as a node, then its direct dependencies, in name order. */
	static String mermaid(ApplicationModules modules) {
		List<ApplicationModule> sorted = modules.stream().sorted(Comparator.comparing(ModularityTest::name)).toList();
		String nodes = sorted.stream().map(m -> "  " + name(m)).collect(Collectors.joining("\n"));
		String edges = sorted.stream()
			.flatMap(m -> m.getDirectDependencies(modules)
				.uniqueModules()
				.map(d -> "  " + name(m) + " --> " + name(d))
				.sorted())
			.collect(Collectors.joining("\n"));
		return "```mermaid\nflowchart TD\n" + nodes + "\n" + edges + "\n```";
	}

}
