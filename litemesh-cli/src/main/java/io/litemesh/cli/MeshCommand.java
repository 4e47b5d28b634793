/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command of {@code litemesh}: reaches the mesh as the options say, runs, prints to
 * standard output, and leaves, within the command's {@code --timeout}.
 *
 * @author LiteMesh team
 */
abstract class MeshCommand implements Callable<Integer> {

	@ParentCommand
	MeshCli cli;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() {
		Deadline deadline = Deadline.after(this.cli.timeout);
		try (MeshAccess mesh = this.cli.open(deadline)) {
			run(mesh, deadline);
		}
		finally {
			out().flush();
		}
		return 0;
	}

	/**
	 * Run the command.
	 * @param mesh the mesh, open
	 * @param deadline the end of the command's time
	 */
	abstract void run(MeshAccess mesh, Deadline deadline);

	boolean json() {
		return this.cli.json;
	}

	PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

}
