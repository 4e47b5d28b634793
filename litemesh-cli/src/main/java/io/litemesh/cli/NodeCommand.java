/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code litemesh node ID}: one node's own description and health, fetched through the
 * mesh wherever the node is, from the built-in route {@code mesh.node}.
 *
 * @author LiteMesh team
 */
@Command(name = "node", mixinStandardHelpOptions = true, sortOptions = false,
		description = "That node's state, fetched through the mesh (with --json, the document of "
				+ "GET /actuator/mesh/{id}).")
final class NodeCommand extends MeshCommand {

	@Parameters(paramLabel = "ID", description = "The node's id.")
	String nodeId;

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		JsonNode state = mesh.node(this.nodeId);
		out().print(json() ? Json.compact(state) + System.lineSeparator() : Tables.nodeState(state));
	}

}
