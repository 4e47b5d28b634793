/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.actuate.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import org.springframework.util.FileSystemUtils;

/**
 * Headless Chromium driven through chromedriver, for tests of the graph page in a real
 * browser. Missing Chromium skips those tests, unless
 * {@code LITEMESH_TEST_REQUIRE_BROWSER=true}, as CI sets, which fails them.
 * {@code LITEMESH_TEST_CHROMIUM} and {@code LITEMESH_TEST_CHROMEDRIVER} name other
 * binaries than Debian's.
 *
 * @author LiteMesh team
 */
final class Chromium implements AutoCloseable {

	private static final Path BINARY = Path.of(env("LITEMESH_TEST_CHROMIUM", "/usr/bin/chromium"));

	private static final Path DRIVER = Path.of(env("LITEMESH_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private final Path profile;

	private final ChromeDriver driver;

	private Chromium(Path profile, ChromeDriver driver) {
		this.profile = profile;
		this.driver = driver;
	}

	/**
	 * Start a headless Chromium with a fresh profile, or skip the calling test when none
	 * is installed.
	 * @return the browser
	 * @throws IOException when the profile directory cannot be made
	 */
	static Chromium start() throws IOException {
		assumeInstalled();
		Path profile = Files.createTempDirectory("litemesh-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BINARY.toFile());
		// The network is closed here and must not matter anyway: nothing in the
		// background
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1400,900", "--user-data-dir=" + profile);
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
		// An explicit driver keeps Selenium Manager from looking for one on the network
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		try {
			return new Chromium(profile, new ChromeDriver(service, options));
		}
		catch (RuntimeException ex) {
			FileSystemUtils.deleteRecursively(profile);
			throw ex;
		}
	}

	private static void assumeInstalled() {
		String missing = Stream.of(BINARY, DRIVER)
			.filter((path) -> !Files.isExecutable(path))
			.map(Path::toString)
			.collect(Collectors.joining(" and "));
		if (missing.isEmpty()) {
			return;
		}
		String failure = "The graph page's browser tests need Chromium and chromedriver, but " + missing
				+ " cannot be run (apt-get install chromium chromium-driver)";
		if (Boolean.parseBoolean(System.getenv("LITEMESH_TEST_REQUIRE_BROWSER"))) {
			throw new IllegalStateException(failure + " (LITEMESH_TEST_REQUIRE_BROWSER=true, so this fails)");
		}
		Assumptions.abort(failure + "; skipped (set LITEMESH_TEST_REQUIRE_BROWSER=true to fail instead)");
	}

	private static String env(String name, String defaultValue) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : defaultValue;
	}

	ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() throws IOException {
		try {
			this.driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(this.profile);
		}
	}

}
