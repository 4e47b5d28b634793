/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import io.litemesh.MeshNode;
import io.litemesh.MeshOperations;
import io.litemesh.MeshService;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The graph page of a three-node mesh of WebFlux applications on loopback, over HTTP and
 * in headless Chromium. The first node serves the page and Actuator at other paths than
 * the defaults; the others at the defaults.
 *
 * @author LiteMesh team
 */
class MeshGraphPageBrowserTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final List<String> NODES = List.of("graph-a", "graph-b", "graph-c");

	private static final Path SCREENSHOT = Path.of("target", "graph-page.png");

	private static final String LISTED_NODES = "return Array.from(document.querySelectorAll("
			+ "'#node-list button[data-node-id]'), (b) => ({ id: b.dataset.nodeId, status: b.dataset.status, "
			+ "text: b.innerText, label: b.getAttribute('aria-label'), title: b.title }));";

	// Whether a canvas of the graph has a pixel of the colour of an UP node
	private static final String DRAWS_UP_NODE = "return Array.from(document.querySelectorAll('#graph canvas'))"
			+ ".some((c) => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
			+ " for (let i = 0; i < d.length; i += 4) { if (d[i] === 46 && d[i + 1] === 157 && d[i + 2] === 79"
			+ " && d[i + 3] === 255) { return true; } } return false; });";

	// Where the graph drew a node, from the centre of the graph's container; _cyreg is
	// how
	// Cytoscape.js finds the instance of a container
	private static final String DRAWN_AT = "const container = document.getElementById('graph');"
			+ " const at = container._cyreg.cy.getElementById(arguments[0]).renderedPosition();"
			+ " return [Math.round(at.x - container.clientWidth / 2), Math.round(at.y - container.clientHeight / 2)];";

	private static final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

	private static final List<Chromium> browsers = new CopyOnWriteArrayList<>();

	private static String cluster = "";

	@BeforeAll
	static void startMesh() {
		cluster = "graph-" + MeshNode.Builder.randomSuffix();
		start("graph-a", null, "litemesh.ui.path=/ops/mesh", "management.endpoints.web.base-path=/manage");
		start("graph-b", seed());
		start("graph-c", seed());
		MeshNode a = contexts.get("graph-a").getBean(MeshNode.class);
		await().atMost(TIMEOUT)
			.until(() -> a.snapshot().services().getOrDefault("greeter", List.of()).size() == NODES.size());
	}

	@AfterAll
	static void stopMesh() throws IOException {
		for (Chromium browser : browsers) {
			browser.close();
		}
		List<ConfigurableApplicationContext> started = new ArrayList<>(contexts.values());
		for (int i = started.size() - 1; i >= 0; i--) {
			started.get(i).close();
		}
		contexts.clear();
	}

	@Test
	void pageAndAssetsAreServedByWebFlux() {
		WebTestClient b = client("graph-b");
		b.get()
			.uri("/litemesh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("data-mesh-endpoint=\"/actuator/mesh\"")
				.contains("<script src=\"/litemesh/assets/graph.js\"></script>"));
		b.get()
			.uri("/litemesh/assets/vendor/cytoscape/cytoscape.min.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/javascript");
		WebTestClient a = client("graph-a");
		a.get()
			.uri("/ops/mesh")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((html) -> assertThat(html).contains("data-mesh-endpoint=\"/manage/mesh\"")
				.contains("<script src=\"/ops/mesh/assets/graph.js\"></script>"));
		a.get().uri("/litemesh").exchange().expectStatus().isNotFound();
	}

	@Test
	void pageDrawsTheMeshAndShowsTheStateOfTheSelectedNode() throws IOException {
		ChromeDriver driver = browser();
		driver.get(httpUrl("graph-a") + "/ops/mesh");
		WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
		wait.until((page) -> statuses(page).entrySet()
			.containsAll(Map.of("graph-a", "UP", "graph-b", "UP", "graph-c", "UP").entrySet()));
		for (Map<String, String> button : listedNodes(driver)) {
			String id = button.get("id");
			assertThat(button.get("text")).as("text of %s", id).startsWith(id);
			assertThat(button.get("label")).as("aria-label of %s", id).startsWith(id + ": UP");
			assertThat(button.get("title")).as("title of %s", id).isEqualTo(button.get("label"));
		}
		assertThat(listedNodes(driver)).filteredOn((button) -> button.get("id").equals("graph-a"))
			.singleElement()
			.satisfies((button) -> assertThat(button.get("text")).contains("this node"));
		wait.until((page) -> text(page, "#service-list li[data-service='greeter'] .service-nodes")
			.equals(String.join(", ", NODES)));
		assertThat(driver.findElement(By.id("local-node")).getText()).contains("graph-a").contains(cluster);
		assertThat(driver.findElement(By.id("graph")).getDomAttribute("aria-label")).startsWith("Graph of the mesh: ");
		wait.until((page) -> Boolean.TRUE.equals(((JavascriptExecutor) page).executeScript(DRAWS_UP_NODE)));

		click(wait, "#node-list button[data-node-id='graph-c']");
		wait.until(
				(page) -> "graph-c".equals(page.findElement(By.id("node-state-body")).getDomAttribute("data-node-id")));
		assertThat(driver.findElement(By.id("node-state-id")).getText()).isEqualTo("graph-c");
		assertThat(driver.findElement(By.id("node-state-body")).getText()).contains("\"id\": \"graph-c\"")
			.contains("\"cluster\": \"" + cluster + "\"")
			.contains("\"health\"")
			.contains("\"name\": \"greeter\"");
		wait.until((page) -> "true".equals(page.findElement(By.cssSelector("#node-list button[data-node-id='graph-c']"))
			.getDomAttribute("aria-pressed")));

		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
		assertThat(SCREENSHOT).isNotEmptyFile();
		assertThat(severeBrowserLogs(driver)).isEmpty();
	}

	@Test
	void pageFollowsTheMeshWithoutBeingReloaded() throws IOException {
		ChromeDriver driver = browser();
		driver.get(httpUrl("graph-b") + "/litemesh");
		WebDriverWait wait = new WebDriverWait(driver, TIMEOUT);
		wait.until((page) -> statuses(page).keySet().containsAll(NODES));
		ConfigurableApplicationContext d = start("graph-d", seed());
		try {
			wait.until((page) -> "UP".equals(statuses(page).get("graph-d")));
			wait.until((page) -> text(page, "#service-list li[data-service='greeter'] .service-nodes")
				.contains("graph-d"));
		}
		finally {
			contexts.remove("graph-d");
			d.close();
		}
		// a node that leaves says so at once
		wait.until((page) -> !"UP".equals(statuses(page).get("graph-d")));
		assertThat(severeBrowserLogs(driver)).isEmpty();
	}

	private static ConfigurableApplicationContext start(String id, @Nullable String seed, String... more) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=mesh,health", "litemesh.node-id=" + id,
				"litemesh.cluster=" + cluster, "litemesh.tcp.port=0", "spring.main.banner-mode=off"));
		if (seed != null) {
			properties.add("litemesh.seeds=" + seed);
		}
		properties.addAll(List.of(more));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NodeConfiguration.class)
			.web(WebApplicationType.REACTIVE)
			.properties(properties.toArray(String[]::new))
			.run();
		contexts.put(id, context);
		return context;
	}

	private static String seed() {
		return contexts.get("graph-a").getBean(MeshNode.class).addresses().get(0).substring("tcp://".length());
	}

	private static String httpUrl(String id) {
		return "http://127.0.0.1:" + contexts.get(id).getEnvironment().getProperty("local.server.port");
	}

	private static WebTestClient client(String id) {
		return WebTestClient.bindToServer().baseUrl(httpUrl(id)).responseTimeout(TIMEOUT).build();
	}

	private static ChromeDriver browser() throws IOException {
		Chromium browser = Chromium.start();
		browsers.add(browser);
		return browser.driver();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, String>> listedNodes(WebDriver driver) {
		return (List<Map<String, String>>) ((JavascriptExecutor) driver).executeScript(LISTED_NODES);
	}

	private static Map<String, String> statuses(WebDriver driver) {
		Map<String, String> statuses = new LinkedHashMap<>();
		listedNodes(driver).forEach((button) -> statuses.put(button.get("id"), button.get("status")));
		return statuses;
	}

	private static String text(WebDriver driver, String selector) {
		return driver.findElements(By.cssSelector(selector)).stream().findFirst().map((e) -> e.getText()).orElse("");
	}

	// The list is redrawn when the mesh changes: find the button again until a click
	// lands
	private static void click(WebDriverWait wait, String selector) {
		wait.ignoring(StaleElementReferenceException.class).until((page) -> {
			page.findElement(By.cssSelector(selector)).click();
			return true;
		});
	}

	@SuppressWarnings("unchecked")
	private static void clickInGraph(ChromeDriver driver, String id) {
		List<Number> at = (List<Number>) driver.executeScript(DRAWN_AT, id);
		new Actions(driver)
			.moveToElement(driver.findElement(By.id("graph")), at.get(0).intValue(), at.get(1).intValue())
			.click()
			.perform();
	}

	private static List<String> severeBrowserLogs(WebDriver driver) {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class NodeConfiguration {

		@Bean
		Greeter greeter(MeshOperations mesh) {
			return new Greeter(mesh);
		}

	}

	@MeshService("greeter")
	static class Greeter {

		private final MeshOperations mesh;

		Greeter(MeshOperations mesh) {
			this.mesh = mesh;
		}

		public String whoami() {
			return this.mesh.nodeId();
		}

	}

}
