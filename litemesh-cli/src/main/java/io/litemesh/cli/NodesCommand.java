/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import picocli.CommandLine.Command;
import tools.jackson.databind.JsonNode;

/**
 * {@code litemesh nodes}: every node the mesh knows, with its status, its distance in
 * hops and its services, from the built-in route {@code mesh.snapshot}.
 *
 * @author LiteMesh team
 */
@Command(name = "nodes", mixinStandardHelpOptions = true, sortOptions = false,
		description = "Every node: id, status, hops and services (with --json, the document of GET /actuator/mesh).")
final class NodesCommand extends MeshCommand {

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		JsonNode snapshot = mesh.snapshot();
		out().print(json() ? Json.compact(snapshot) + System.lineSeparator() : Tables.nodes(snapshot));
	}

}
