/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MeshGraphPage}.
 *
 * @author LiteMesh team
 */
class MeshGraphPageTests {

	@Test
	void renderPointsThePageAtItsAssetsAndTheEndpoint() {
		String html = new MeshGraphPage("/litemesh", "/actuator/mesh").render("");
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("<link rel=\"stylesheet\" href=\"/litemesh/assets/graph.css\">")
			.contains("<script src=\"/litemesh/assets/vendor/cytoscape/cytoscape.min.js\"></script>")
			.contains("<script src=\"/litemesh/assets/graph.js\"></script>")
			.contains("data-mesh-endpoint=\"/actuator/mesh\"")
			.doesNotContain("{{");
	}

	@Test
	void renderEscapesWhatItWrites() {
		String html = new MeshGraphPage("/litemesh", "/actuator/mesh").render("/a\"><script>x</script>");
		assertThat(html).doesNotContain("<script>x")
			.contains("data-mesh-endpoint=\"/a&quot;&gt;&lt;script&gt;x&lt;/script&gt;/actuator/mesh\"");
	}

	@Test
	void pathMustStartWithSlashAndNotBeRoot() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MeshGraphPage("litemesh", "/actuator/mesh"))
			.withMessageContaining("'path'");
		assertThatIllegalArgumentException().isThrownBy(() -> new MeshGraphPage("/", "/actuator/mesh"))
			.withMessageContaining("'path'");
	}

	@Test
	void assetsTheTemplateNamesShipInTheJar() {
		for (String asset : new String[] { "graph.css", "graph.js", "vendor/cytoscape/cytoscape.min.js",
				"vendor/cytoscape/LICENSE" }) {
			assertThat(relative(asset).exists()).as(asset).isTrue();
		}
	}

	@Test
	void vendoredLibraryIsTheVersionPackageJsonRecords() throws IOException {
		JsonNode packageJson = JsonMapper.shared().readTree(Path.of("package.json").toFile());
		String version = packageJson.path("dependencies").path("cytoscape").asString();
		assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
		String bundle = relative("vendor/cytoscape/cytoscape.min.js").getContentAsString(StandardCharsets.UTF_8);
		assertThat(bundle).contains(".version=\"" + version + "\"");
		assertThat(Files.readString(Path.of("package.json"))).contains("\"vendor\"");
	}

	@Test
	void pageIsNeverCachedAndRunsOnlyItsOwnScripts() {
		HttpHeaders headers = new HttpHeaders();
		new MeshGraphPage("/litemesh", "/actuator/mesh").addPageHeaders(headers);
		assertThat(headers.getCacheControl()).isEqualTo("no-store");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("script-src 'self'")
			.contains("connect-src 'self'");
	}

	private static Resource relative(String asset) {
		try {
			return MeshGraphPage.ASSETS.createRelative(asset);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
