/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers stay layers: no package cycles, and the transports know nothing of routing.
 */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.litemesh");

	@Test
	void internalPackagesHaveNoCycles() {
		slices().matching("io.litemesh.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void transportsDoNotDependOnRoutingOrMembership() {
		noClasses().that()
			.resideInAPackage("io.litemesh.transport..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.litemesh.routing..", "io.litemesh.membership..", "io.litemesh.invoke..")
			.check(this.classes);
	}

	@Test
	void invocationKnowsNothingOfTheNetwork() {
		noClasses().that()
			.resideInAPackage("io.litemesh.invoke..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.rsocket..", "io.netty..", "io.litemesh.transport..", "io.litemesh.routing..")
			.check(this.classes);
	}

}
