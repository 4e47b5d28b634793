/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.litemesh.routing.Router;
import io.litemesh.transport.archfixture.TransportReachingIntoRouting;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The architecture of {@code docs/architecture.md}, as rules that see every class of the
 * core: the root package is the API, layers only reach down, and no package cycles. Each
 * rule is also shown to fail on a class that breaks it.
 */
class ArchitectureTests {

	private static final String ROOT = "io.litemesh";

	/** The entry points of the root package, nested classes included. */
	private static final DescribedPredicate<JavaClass> ENTRY_POINTS = DescribedPredicate
		.describe("entry points MeshNode and MeshTemplate", (type) -> isEntryPoint(type.getName()));

	/** The API: the root package less its entry points, and the read-only views. */
	private static final DescribedPredicate<JavaClass> API = DescribedPredicate.describe(
			"the API (root package and views)",
			(type) -> (type.getPackageName().equals(ROOT) && !isEntryPoint(type.getName()))
					|| type.getPackageName().startsWith(ROOT + ".view"));

	static final ArchRule NO_CYCLES_BELOW_THE_ROOT = slices().matching("io.litemesh.(**)")
		.should()
		.beFreeOfCycles()
		.because("every package below the API is a layer or part of one");

	static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("Entry points")
		.definedBy(ENTRY_POINTS)
		.layer("API")
		.definedBy(API)
		.layer("Runtime")
		.definedBy("io.litemesh.runtime..")
		.layer("Routing")
		.definedBy("io.litemesh.routing..")
		.layer("Membership")
		.definedBy("io.litemesh.membership..")
		.layer("Invoke")
		.definedBy("io.litemesh.invoke..")
		.layer("Transport")
		.definedBy("io.litemesh.transport..")
		.layer("Discovery")
		.definedBy("io.litemesh.discovery..")
		.layer("Security")
		.definedBy("io.litemesh.security..")
		.layer("Observation")
		.definedBy("io.litemesh.observation..")
		.layer("Codec")
		.definedBy("io.litemesh.codec..")
		.whereLayer("Entry points")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("Runtime")
		.mayOnlyBeAccessedByLayers("Entry points")
		.whereLayer("Routing")
		.mayOnlyBeAccessedByLayers("Runtime")
		.whereLayer("Membership")
		.mayOnlyBeAccessedByLayers("Routing", "Runtime")
		.whereLayer("Invoke")
		.mayOnlyBeAccessedByLayers("Routing", "Runtime")
		.whereLayer("Transport")
		.mayOnlyBeAccessedByLayers("Membership", "Routing", "Runtime", "Entry points")
		.whereLayer("Discovery")
		.mayOnlyBeAccessedByLayers("Runtime")
		.whereLayer("Security")
		.mayOnlyBeAccessedByLayers("Transport", "Discovery", "Membership", "Routing", "Runtime")
		.whereLayer("Observation")
		.mayOnlyBeAccessedByLayers("Invoke", "Routing", "Runtime", "Entry points")
		.whereLayer("Codec")
		.mayOnlyBeAccessedByLayers("Observation", "Security", "Transport", "Invoke", "Membership", "Routing", "Runtime",
				"Entry points")
		.whereLayer("API")
		.mayOnlyAccessLayers("API");

	static final ArchRule ONLY_ENTRY_POINTS_REACH_BELOW_THE_ROOT = noClasses().that()
		.resideInAPackage(ROOT)
		.and(DescribedPredicate.not(ENTRY_POINTS))
		.should()
		.dependOnClassesThat()
		.resideInAPackage(ROOT + ".*..")
		.because("the root package is the API; only MeshNode and MeshTemplate wire the engine");

	static final ArchRule NO_SPRING_BOOT_IN_THE_CORE = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.boot..")
		.because("the core runs in a plain main; Spring Boot support lives in litemesh-autoconfigure");

	static final ArchRule INVOCATION_KNOWS_NOTHING_OF_THE_NETWORK = noClasses().that()
		.resideInAPackage("io.litemesh.invoke..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.rsocket..", "io.netty..")
		.because("local dispatch works on bytes and beans only");

	private final JavaClasses core = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	@Test
	void packagesBelowTheRootHaveNoCycles() {
		NO_CYCLES_BELOW_THE_ROOT.check(this.core);
	}

	@Test
	void layersOnlyReachDown() {
		LAYERS.check(this.core);
	}

	@Test
	void onlyTheEntryPointsOfTheRootPackageReachBelowIt() {
		ONLY_ENTRY_POINTS_REACH_BELOW_THE_ROOT.check(this.core);
	}

	@Test
	void coreNeverImportsSpringBoot() {
		NO_SPRING_BOOT_IN_THE_CORE.check(this.core);
	}

	@Test
	void invocationKnowsNothingOfTheNetwork() {
		INVOCATION_KNOWS_NOTHING_OF_THE_NETWORK.check(this.core);
	}

	@Test
	void noSourceFileIsOver400Lines() throws java.io.IOException {
		// an engine class over ~300 lines says at its top why it is one class; past 400
		// it
		// is two
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files
			.walk(java.nio.file.Path.of("src/main/java"))) {
			java.util.List<String> tooLong = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> lines(file) > 400)
				.map((file) -> file + " (" + lines(file) + " lines)")
				.toList();
			org.assertj.core.api.Assertions.assertThat(tooLong).isEmpty();
		}
	}

	private static long lines(java.nio.file.Path file) {
		try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(file)) {
			return lines.count();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void aTransportThatReachesIntoRoutingBreaksTheLayers() {
		JavaClasses broken = new ClassFileImporter().importClasses(TransportReachingIntoRouting.class, Router.class);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> LAYERS.check(broken))
			.withMessageContaining(TransportReachingIntoRouting.class.getName())
			.withMessageContaining(Router.class.getName());
	}

	@Test
	void anApiTypeThatReachesIntoTheEngineBreaksTheRootRule() {
		JavaClasses broken = new ClassFileImporter().importClasses(ApiTypeReachingIntoTheEngine.class, Router.class);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> ONLY_ENTRY_POINTS_REACH_BELOW_THE_ROOT.check(broken))
			.withMessageContaining(ApiTypeReachingIntoTheEngine.class.getName());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> LAYERS.check(broken))
			.withMessageContaining(ApiTypeReachingIntoTheEngine.class.getName());
	}

	@Test
	void packagesThatUseEachOtherBreakTheCycleRule() {
		JavaClasses broken = new ClassFileImporter().importPackages("io.litemesh.transport.archfixture");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> NO_CYCLES_BELOW_THE_ROOT.check(broken))
			.withMessageContaining("Cycle detected");
	}

	private static boolean isEntryPoint(String className) {
		for (Class<?> entryPoint : new Class<?>[] { MeshNode.class, MeshTemplate.class }) {
			if (className.equals(entryPoint.getName()) || className.startsWith(entryPoint.getName() + "$")) {
				return true;
			}
		}
		return false;
	}

}
