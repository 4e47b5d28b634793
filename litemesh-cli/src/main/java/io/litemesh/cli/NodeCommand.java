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
		description = "That node's state, fetched through the mesh: the JSON of GET /actuator/mesh/{id}, "
				+ "indented for people, on one line with --json.")
final class NodeCommand extends MeshCommand {

	@Parameters(paramLabel = "ID", description = "The node's id.")
	String nodeId;

	@Override
	void run(MeshAccess mesh, Deadline deadline) {
		JsonNode state = mesh.node(this.nodeId);
		// the contract's output is the document itself, as call prints its reply
		out().println(json() ? Json.compact(state) : Json.pretty(state));
	}

}
