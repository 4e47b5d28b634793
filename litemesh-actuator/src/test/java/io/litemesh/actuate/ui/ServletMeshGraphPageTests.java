/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import io.litemesh.actuate.autoconfigure.MeshGraphPageAutoConfiguration;
import io.litemesh.autoconfigure.LiteMeshAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Tests for the graph page in a Servlet application: Spring MVC serves the page and its
 * assets from the jar, through MockMvc.
 *
 * @author LiteMesh team
 */
class ServletMeshGraphPageTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class, LiteMeshAutoConfiguration.class,
				MeshGraphPageAutoConfiguration.class))
		.withPropertyValues("litemesh.tcp.port=0");

	@Test
	void pageIsServed() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(get("/litemesh"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
				.andExpect(content().string(containsString("data-mesh-endpoint=\"/actuator/mesh\"")))
				.andExpect(content().string(containsString("<script src=\"/litemesh/assets/graph.js\"></script>")));
		});
	}

	@Test
	void assetsAreServedFromTheJar() {
		this.contextRunner.run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(get("/litemesh/assets/graph.js"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/javascript"))
				.andExpect(header().string("Cache-Control", "no-cache"))
				.andExpect(content().string(containsString("cytoscape(")));
			mvc.perform(get("/litemesh/assets/vendor/cytoscape/cytoscape.min.js"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Cytoscape Consortium")));
			mvc.perform(get("/litemesh/assets/graph.css"))
				.andExpect(status().isOk())
				.andExpect(content().contentTypeCompatibleWith("text/css"));
			mvc.perform(get("/litemesh/assets/../mesh-graph.html")).andExpect(status().isNotFound());
		});
	}

	@Test
	void pageFollowsContextPathAndCustomPath() {
		this.contextRunner.withPropertyValues("litemesh.ui.path=/ops/mesh").run((context) -> {
			MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
			mvc.perform(get("/app/ops/mesh").contextPath("/app"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-mesh-endpoint=\"/app/actuator/mesh\"")))
				.andExpect(content().string(containsString("href=\"/app/ops/mesh/assets/graph.css\"")));
			mvc.perform(get("/litemesh")).andExpect(status().isNotFound());
		});
	}

}
