/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the CLI makes of its arguments before it reaches any node: help, versions, and bad
 * usage, which exits with status 2 and says what is wrong.
 */
class ArgumentsTests {

	@Test
	void helpListsTheCommandsAndExitStatuses() {
		Cli.Result result = Cli.run("--help");
		assertThat(result.status()).isZero();
		assertThat(result.out()).contains("litemesh --connect HOST:PORT [--client NAME --token TOKEN]")
			.contains("[--tls --trust PEM_OR_P12 [--key ...]] [--json] COMMAND")
			.contains("nodes", "services", "node", "call", "send", "stream")
			.contains("2   bad usage");
		assertThat(Cli.run("call", "--help").out()).contains("Usage: litemesh call [OPTIONS] SERVICE.ENDPOINT [JSON]");
		assertThat(Cli.run("--version").out()).startsWith("litemesh ");
	}

	@Test
	void badUsageExitsWithStatusTwo() {
		assertUsage(Cli.run("--connect", "127.0.0.1:7070"), "Missing required subcommand");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "dance"), "Unmatched argument at index 2: 'dance'");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "--frobnicate", "nodes"), "Unknown option: '--frobnicate'");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "call"), "Missing required parameter: 'SERVICE.ENDPOINT'");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "call", "greeter"),
				"'greeter' is not a route; write SERVICE.ENDPOINT, such as greeter.hello");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "call", "greeter.", "1"), "'greeter.' is not a route");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "send", "greeter.hello", "Ada"),
				"'Ada' is not JSON: Unrecognized token 'Ada'");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "stream", "greeter.count", "{\"a\":"), "is not JSON");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "call", "greeter.hello", "1 2"), "'1 2' is not JSON");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "--timeout", "soon", "nodes"), "'soon' is not a duration");
		assertUsage(Cli.run("nodes"),
				"Say how to reach the mesh: --connect HOST:PORT, --jdbc JDBC_URL or --directory PATH");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "--directory", "/tmp", "nodes"),
				"Give one of --connect, --jdbc and --directory");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "--cluster", "demo", "nodes"),
				"--cluster: for --jdbc or --directory, not --connect");
		assertUsage(Cli.run("--directory", "/tmp", "--token", "t0ken", "nodes"),
				"--token: for --connect, not --jdbc or --directory");
		assertUsage(Cli.run("--connect", "127.0.0.1:port", "nodes"),
				"--connect Address '127.0.0.1:port' has an invalid port");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "--cert", "a.crt", "nodes"), "--cert goes with the PEM key");
		assertUsage(Cli.run("--connect", "127.0.0.1:7070", "--token", "a", "--token-file", "b", "nodes"),
				"Give the token once");
	}

	@Test
	void optionsMayFollowTheCommand() {
		Cli.Result result = Cli.run("nodes", "--connect", "127.0.0.1:port");
		assertUsage(result, "--connect Address '127.0.0.1:port' has an invalid port");
	}

	@Test
	void aTokenNeverShowsInAnError() {
		Cli.Result result = Cli.run("--directory", "/tmp", "--token", "t0ken-s3cret", "nodes");
		assertThat(result.err()).doesNotContain("t0ken-s3cret");
	}

	@Test
	void durationsAreWrittenAsPeopleTypeThem() {
		assertThat(Durations.parse("10s")).isEqualTo(Duration.ofSeconds(10));
		assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Durations.parse("2m")).isEqualTo(Duration.ofMinutes(2));
		assertThat(Durations.parse("3")).isEqualTo(Duration.ofSeconds(3));
		assertThat(Durations.parse("PT1.5S")).isEqualTo(Duration.ofMillis(1500));
		assertThatExceptionOfType(TypeConversionException.class).isThrownBy(() -> Durations.parse("0s"));
		assertThat(Durations.format(Duration.ofSeconds(10))).isEqualTo("10s");
		assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
	}

	@Test
	void routesSplitAtTheLastDot() {
		assertThat(Route.parse("greeter.hello")).isEqualTo(new Route("greeter", "hello"));
		assertThat(Route.parse("shop.pricing.quote")).isEqualTo(new Route("shop.pricing", "quote"));
	}

	@Test
	void jdbcUrlsLoseWhatMayHoldAPassword() {
		assertThat(SharedStore.redact("jdbc:postgresql://db:5432/shop?user=u&password=p"))
			.isEqualTo("jdbc:postgresql://db:5432/shop");
		assertThat(SharedStore.redact("jdbc:mariadb://u:p@db/shop")).isEqualTo("jdbc:mariadb://db/shop");
		assertThat(SharedStore.redact("jdbc:h2:mem:demo;PASSWORD=p")).isEqualTo("jdbc:h2:mem:demo");
	}

	@Test
	void textFromElsewhereCannotDriveTheTerminal() {
		assertThat(Tables.clean("node\u001b[31mred\nnext")).isEqualTo("node?[31mred next");
	}

	private static void assertUsage(Cli.Result result, String message) {
		assertThat(result.status()).as(result.toString()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.errLines().get(0)).startsWith("error USAGE: ").contains(message);
		assertThat(result.errLines().get(1)).startsWith("Try 'litemesh");
	}

}
