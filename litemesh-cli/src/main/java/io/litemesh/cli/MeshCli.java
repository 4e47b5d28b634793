/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code litemesh} command: how to reach the mesh, how to print, and the commands
 * that query and call it. {@link #main} runs it and exits with its status: 0 on success,
 * 1 when the call failed (one line on standard error, {@code error <CODE>: <message>}), 2
 * on bad usage.
 *
 * @author LiteMesh team
 */
@Command(name = "litemesh", mixinStandardHelpOptions = true, versionProvider = MeshCli.Version.class,
		sortOptions = false, usageHelpAutoWidth = true,
		customSynopsis = { "litemesh --connect HOST:PORT [--client NAME --token TOKEN]",
				"                [--tls --trust PEM_OR_P12 [--key ...]] [--json] COMMAND",
				"       litemesh --jdbc JDBC_URL [--user U --password-file F] | --directory PATH",
				"                [--cluster NAME] [--secret-file F] [--json] COMMAND" },
		description = { "",
				"Query and call a LiteMesh mesh from a shell: as a stock RSocket client of any node "
						+ "(--connect), or, where no node's TCP port can be reached, as a transient member that joins "
						+ "through the mesh's database (--jdbc) or shared directory (--directory) for the length "
						+ "of the command." },
		commandListHeading = "%nCommands:%n", optionListHeading = "%nOptions:%n",
		exitCodeListHeading = "%nExit status:%n",
		exitCodeList = { "0:success", "1:the call failed: one line on standard error, error CODE: message",
				"2:bad usage" },
		subcommands = { NodesCommand.class, ServicesCommand.class, NodeCommand.class, CallCommand.class,
				SendCommand.class, StreamCommand.class })
public final class MeshCli {

	@Mixin
	ClientOptions client = new ClientOptions();

	@Mixin
	MemberOptions member = new MemberOptions();

	@Option(names = "--json", scope = ScopeType.INHERIT, order = 40,
			description = "Print the node's JSON as it is, for scripts: the document of GET /actuator/mesh "
					+ "(nodes, services), of GET /actuator/mesh/{id} (node), or the reply on one line.")
	boolean json;

	@Option(names = "--timeout", paramLabel = "DURATION", scope = ScopeType.INHERIT, order = 41, defaultValue = "10s",
			converter = Durations.class,
			description = "Bound on the whole command: connecting or joining, and every answer; of a stream, "
					+ "the first element (default: ${DEFAULT-VALUE}).")
	Duration timeout = Duration.ofSeconds(10);

	private volatile @Nullable MeshAccess open;

	private volatile boolean interrupted;

	private Failures.Peer peer = new Failures.Peer("the mesh", false, this.timeout);

	/**
	 * Run the command line and exit with its status.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		// before anything logs: logging is for --verbose, standard error for the one line
		Logging.silence();
		MeshCli cli = new MeshCli();
		CommandLine commandLine = commandLine(cli);
		// straight to the file descriptor, not through System.out, which hides a closed
		// pipe: a stream piped into head then stops when head has read enough
		commandLine.setOut(new PrintWriter(
				new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true));
		// Ctrl+C: close the connection or leave the mesh, and stop a stream at its source
		Runtime.getRuntime().addShutdownHook(new Thread(cli::interrupt, "litemesh-cli-shutdown"));
		System.exit(commandLine.execute(args));
	}

	/**
	 * Create the command line of a new {@code litemesh} command, with its exit statuses
	 * and error lines, as {@link #main} runs it; tests run it in-process with
	 * {@link CommandLine#execute} and their own writers.
	 * @return the command line
	 */
	public static CommandLine commandLine() {
		return commandLine(new MeshCli());
	}

	private static CommandLine commandLine(MeshCli cli) {
		CommandLine commandLine = new CommandLine(cli);
		commandLine.setExecutionExceptionHandler(cli::failed);
		commandLine.setParameterExceptionHandler(MeshCli::badUsage);
		for (CommandLine command : commandLine.getSubcommands().values()) {
			// a command's help lists its own options; the many of litemesh are one
			// pointer away instead of repeated in every command's help
			command.getCommandSpec()
				.usageMessage()
				.abbreviateSynopsis(true)
				.footer("%nThe options of litemesh (see litemesh --help) go before or after the command.");
			command.getHelpSectionMap()
				.put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, (help) -> help.optionListExcludingGroups(
						help.commandSpec().options().stream().filter((option) -> !option.inherited()).toList()));
		}
		return commandLine;
	}

	@Option(names = { "-v", "--verbose" }, scope = ScopeType.INHERIT, order = 42,
			description = "Log what LiteMesh and its libraries do to standard error.")
	void verbose(boolean verbose) {
		if (verbose) {
			Logging.verbose();
		}
	}

	/**
	 * Reach the mesh as the options say, for one command.
	 * @param deadline the end of the command's time
	 * @return the open access; the caller closes it
	 * @throws CommandFailure ({@code USAGE}) when the options do not say how, or say it
	 * twice
	 */
	MeshAccess open(Deadline deadline) {
		int ways = ((this.client.connect != null) ? 1 : 0) + ((this.member.jdbc != null) ? 1 : 0)
				+ ((this.member.directory != null) ? 1 : 0);
		if (ways != 1) {
			throw CommandFailure.usage(
					(ways == 0) ? "Say how to reach the mesh: --connect HOST:PORT, --jdbc JDBC_URL or --directory PATH"
							: "Give one of --connect, --jdbc and --directory");
		}
		MeshAccess access;
		if (this.client.connect != null) {
			String memberOnly = this.member.given();
			if (!memberOnly.isEmpty()) {
				throw CommandFailure.usage(memberOnly + ": for --jdbc or --directory, not --connect");
			}
			Connection connection = this.client.connection(this.client.connect);
			this.peer = new Failures.Peer("node " + connection.address(), connection.tls() != null, this.timeout);
			access = StockClient.connect(connection, this.peer, deadline);
		}
		else {
			String clientOnly = this.client.given();
			if (!clientOnly.isEmpty()) {
				throw CommandFailure.usage(clientOnly + ": for --connect, not --jdbc or --directory");
			}
			this.peer = new Failures.Peer("the mesh", false, this.timeout);
			access = this.member.join(deadline);
		}
		this.open = access;
		if (this.interrupted) {
			access.close();
		}
		return access;
	}

	/**
	 * Close what is open, from the shutdown hook on Ctrl+C; the command's own thread may
	 * be blocked on it, and its failure is not reported.
	 */
	void interrupt() {
		this.interrupted = true;
		MeshAccess access = this.open;
		if (access != null) {
			access.close();
		}
	}

	private int failed(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		if (this.interrupted) {
			return 130;
		}
		// with --verbose, the whole story; otherwise logging is off
		Logger.getLogger(MeshCli.class.getName()).log(Level.FINE, "The command failed", ex);
		CommandFailure failure = Failures.describe(ex, this.peer);
		if (failure.exitStatus() == 2) {
			// the options at fault are litemesh's, whichever command runs
			return usage(commandLine.getParent() != null ? commandLine.getParent() : commandLine, failure.getMessage());
		}
		commandLine.getErr().println(failure.line());
		commandLine.getErr().flush();
		return failure.exitStatus();
	}

	private static int badUsage(ParameterException ex, String[] args) {
		return usage(ex.getCommandLine(), ex.getMessage());
	}

	private static int usage(CommandLine commandLine, @Nullable String message) {
		PrintWriter err = commandLine.getErr();
		err.println(new CommandFailure(CommandFailure.USAGE, String.valueOf(message)).line());
		err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
		err.flush();
		return 2;
	}

	/**
	 * The version in the jar's manifest.
	 */
	static final class Version implements IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = MeshCli.class.getPackage().getImplementationVersion();
			return new String[] { "litemesh " + ((version != null) ? version : "(development build)") };
		}

	}

}
