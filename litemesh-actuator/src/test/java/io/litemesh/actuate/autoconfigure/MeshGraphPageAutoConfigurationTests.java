/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.autoconfigure;

import io.litemesh.actuate.ui.MeshGraphPage;
import io.litemesh.actuate.ui.ReactiveMeshGraphPageRouterFunction;
import io.litemesh.actuate.ui.ServletMeshGraphPageRouterFunction;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MeshGraphPageAutoConfiguration}.
 *
 * @author LiteMesh team
 */
class MeshGraphPageAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(LiteMeshAutoConfiguration.class,
			MeshGraphPageAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("litemesh.tcp.port=0");

	private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void reactiveApplicationServesThePageThroughWebFlux() {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveMeshGraphPageRouterFunction.class)
				.doesNotHaveBean(ServletMeshGraphPageRouterFunction.class);
			MeshGraphPage page = context.getBean(MeshGraphPage.class);
			assertThat(page.getPath()).isEqualTo("/litemesh");
			assertThat(page.render("")).contains("data-mesh-endpoint=\"/actuator/mesh\"");
		});
	}

	@Test
	void servletApplicationServesThePageThroughSpringMvc() {
		this.servletRunner.run((context) -> assertThat(context).hasSingleBean(MeshGraphPage.class)
			.hasSingleBean(ServletMeshGraphPageRouterFunction.class)
			.doesNotHaveBean(ReactiveMeshGraphPageRouterFunction.class));
	}

	@Test
	void applicationWithoutWebServerHasNoPage() {
		new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues("litemesh.tcp.port=0")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshGraphPage.class)
				.doesNotHaveBean(LiteMeshUiProperties.class));
	}

	@Test
	void pageDisabledCreatesNoBeans() {
		this.reactiveRunner.withPropertyValues("litemesh.ui.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshGraphPage.class)
				.doesNotHaveBean(ReactiveMeshGraphPageRouterFunction.class));
		this.servletRunner.withPropertyValues("litemesh.ui.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshGraphPage.class)
				.doesNotHaveBean(ServletMeshGraphPageRouterFunction.class));
	}

	@Test
	void liteMeshDisabledCreatesNoPage() {
		this.reactiveRunner.withPropertyValues("litemesh.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MeshGraphPage.class));
	}

	@Test
	void withoutActuatorNoPage() {
		this.reactiveRunner.withClassLoader(new FilteredClassLoader(WebEndpointProperties.class))
			.run((context) -> assertThat(context).doesNotHaveBean(MeshGraphPage.class));
	}

	@Test
	void customPathIsUsed() {
		this.reactiveRunner.withPropertyValues("litemesh.ui.path=/ops/mesh/")
			.run((context) -> assertThat(context.getBean(MeshGraphPage.class).getPath()).isEqualTo("/ops/mesh"));
	}

	@Test
	void pathWithoutLeadingSlashFailsStartup() {
		this.reactiveRunner.withPropertyValues("litemesh.ui.path=litemesh")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("'path' must start with '/'"));
	}

	@Test
	void pageReadsTheEndpointWhereActuatorIsMapped() {
		this.reactiveRunner
			.withPropertyValues("management.endpoints.web.base-path=/manage/",
					"management.endpoints.web.path-mapping.mesh=topology")
			.run((context) -> assertThat(context.getBean(MeshGraphPage.class).render("/app"))
				.contains("data-mesh-endpoint=\"/app/manage/topology\"")
				.contains("href=\"/app/litemesh/assets/graph.css\""));
	}

	@Test
	void userPageBacksOff() {
		this.reactiveRunner.withBean("customPage", MeshGraphPage.class, () -> new MeshGraphPage("/mine", "/ops/mesh"))
			.run((context) -> {
				assertThat(context).hasSingleBean(MeshGraphPage.class).hasBean("customPage");
				assertThat(context).hasSingleBean(ReactiveMeshGraphPageRouterFunction.class);
			});
	}

	@Test
	void userRouterFunctionBacksOff() {
		this.reactiveRunner
			.withBean("customRouter", ReactiveMeshGraphPageRouterFunction.class,
					() -> new ReactiveMeshGraphPageRouterFunction(new MeshGraphPage("/mine", "/ops/mesh")))
			.run((context) -> assertThat(context).hasSingleBean(ReactiveMeshGraphPageRouterFunction.class)
				.hasBean("customRouter"));
		this.servletRunner
			.withBean("customRouter", ServletMeshGraphPageRouterFunction.class,
					() -> new ServletMeshGraphPageRouterFunction(new MeshGraphPage("/mine", "/ops/mesh")))
			.run((context) -> assertThat(context).hasSingleBean(ServletMeshGraphPageRouterFunction.class)
				.hasBean("customRouter"));
	}

}
