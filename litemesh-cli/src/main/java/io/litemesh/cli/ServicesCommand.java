/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/**
 * {@code litemesh services}: every service and the nodes that offer it, from the built-in
 * route {@code mesh.snapshot}.
 *
 * @author LiteMesh team
 */
@Command(name = "services", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Every service and the nodes that offer it (with --json, the document of GET /actuator/mesh).")
final class ServicesCommand extends MeshCommand {

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		JsonNode snapshot = mesh.snapshot();
		out().print(json() ? Json.compact(snapshot) + System.lineSeparator() : Tables.services(snapshot));
	}

}
