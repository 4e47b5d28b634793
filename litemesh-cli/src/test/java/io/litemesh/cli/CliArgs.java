/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.cli;

import java.util.List;

import io.litemesh.MeshNode;

/**
 * Command-line arguments that point the client at a node.
 *
 * @author LiteMesh team
 */
final class CliArgs {

	private CliArgs() {
	}

	/**
	 * Return the {@code --connect} arguments for a node.
	 * @param node a node listening on TCP
	 * @return the arguments
	 */
	static List<String> connect(MeshNode node) {
		return List.of("--connect", node.addresses().get(0).substring("tcp://".length()));
	}

}
