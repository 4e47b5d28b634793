/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A node in a separate JVM, so a test can kill it as a crash would: the operating system
 * resets its connections, with no goodbye. Its {@link #main} is the process's entry
 * point.
 *
 * @author LiteMesh team
 */
final class ExternalNode implements AutoCloseable {

	private static final String READY = "LITEMESH-READY ";

	private final Process process;

	private final String address;

	private ExternalNode(Process process, String address) {
		this.process = process;
		this.address = address;
	}

	/**
	 * Start a node in a new JVM that offers the greeter service.
	 * @param nodeId the node id
	 * @param cluster the cluster
	 * @param seed the seed to join through
	 * @return the running node
	 * @throws Exception when the process does not come up
	 */
	static ExternalNode start(String nodeId, String cluster, String seed) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
				ExternalNode.class.getName(), nodeId, cluster, seed));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		// a thread of its own: the common pool has one thread on two cores and may be
		// busy
		CompletableFuture<String> ready = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith(READY) && !ready.isDone()) {
						ready.complete(line.substring(READY.length()));
					}
				}
				ready.completeExceptionally(new IllegalStateException("External node " + nodeId + " exited"));
			}
			catch (Exception ex) {
				ready.completeExceptionally(ex);
			}
		}, "external-node-" + nodeId);
		reader.setDaemon(true);
		reader.start();
		try {
			return new ExternalNode(process, ready.get(60, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			process.destroyForcibly();
			throw ex;
		}
	}

	String address() {
		return this.address;
	}

	/**
	 * Kill the process without warning, as a crash would.
	 * @throws InterruptedException when interrupted while waiting for it to die
	 */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(Duration.ofSeconds(30).toSeconds(), TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

	public static void main(String[] args) throws Exception {
		MeshNode node = MeshNode.builder().nodeId(args[0]).cluster(args[1]).tcpPort(0).seeds(List.of(args[2])).build();
		node.registerService("greeter", "", java.util.Map.of(), new TestServices.Greeter(args[0]));
		node.start();
		System.out.println(READY + node.addresses().get(0));
		System.out.flush();
		Thread.currentThread().join();
	}

}
