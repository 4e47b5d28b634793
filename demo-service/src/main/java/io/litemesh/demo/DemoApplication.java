/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.demo;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The LiteMesh demo: a gateway and two catalogue nodes that form a mesh on loopback.
 * <p>
 * Without arguments, {@link #main main} runs all four nodes in this JVM, each one a
 * Spring Boot application with its own HTTP port (from 8080) and mesh port (from 7070),
 * and prints a banner with the URLs to try once they see each other.
 * {@code --demo.node=gateway} (or {@code catalog-1}, {@code catalog-2}) runs one node
 * only, to start the nodes in separate terminals; {@code --demo.base-http-port} and
 * {@code --demo.base-tcp-port} move the ports; {@code --demo.tls} links the nodes over
 * mutual TLS with the certificates of a throwaway CA ({@link DemoCertificates}).
 *
 * @author LiteMesh team
 * @see DemoMesh
 */
@SpringBootApplication
public class DemoApplication {

	/**
	 * Start the demo.
	 * @param args {@code demo.*} settings and any Spring Boot property, applied to every
	 * node
	 */
	public static void main(String[] args) {
		DemoMesh mesh = DemoMesh.start(args);
		boolean formed = mesh.awaitFormed();
		System.out.println(mesh.banner());
		if (!formed) {
			// Nodes in other terminals may start later: show the full picture once they
			// do
			mesh.formed().subscribe(null, null, () -> System.out.println(mesh.banner()));
		}
	}

}
