/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.litemesh.test.TestMesh;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailboxTimings;

/**
 * A node in a separate JVM, so a test can kill it as a crash would: the operating system
 * resets its connections, with no goodbye. Its {@link #main} is the process's entry
 * point.
 *
 * @author LiteMesh team
 */
final class ExternalNode implements AutoCloseable {

	private static final String READY = "LITEMESH-READY ";

	private static final String FILE_MODE = "file:";

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

	/**
	 * Start a node in a new JVM that offers the greeter service and reaches the others
	 * only through a shared directory, at the pace of {@link TestMesh#FAST_MAILBOX} but
	 * with a lease of five seconds, so that it stays a peer that long after a kill.
	 * @param nodeId the node id
	 * @param cluster the cluster
	 * @param directory the shared directory
	 * @return the running node; its {@link #address()} is {@code file}
	 * @throws Exception when the process does not come up
	 */
	static ExternalNode startFileOnly(String nodeId, String cluster, Path directory) throws Exception {
		return start(nodeId, cluster, FILE_MODE + directory.toAbsolutePath());
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
		if (args[2].startsWith(FILE_MODE)) {
			mainFileOnly(args[0], args[1], Path.of(args[2].substring(FILE_MODE.length())));
			return;
		}
		MeshNode node = MeshNode.builder().nodeId(args[0]).cluster(args[1]).tcpPort(0).seeds(List.of(args[2])).build();
		node.registerService("greeter", "", java.util.Map.of(), new TestServices.Greeter(args[0]));
		node.start();
		System.out.println(READY + node.addresses().get(0));
		System.out.flush();
		Thread.currentThread().join();
	}

	private static void mainFileOnly(String nodeId, String cluster, Path directory) throws Exception {
		MailboxTimings timings = new MailboxTimings(TestMesh.FAST_MAILBOX.checkInInterval(), Duration.ofSeconds(5),
				TestMesh.FAST_MAILBOX.fireTtl(), TestMesh.FAST_MAILBOX.expireInterval());
		MeshNode node = MeshNode.builder()
			.nodeId(nodeId)
			.cluster(cluster)
			.tcpPort(-1)
			.mailboxStore(new FileMailboxStore(directory))
			.mailboxTimings(timings)
			.build();
		node.registerService("greeter", "", java.util.Map.of(), new TestServices.Greeter(nodeId));
		node.start();
		System.out.println(READY + "file");
		System.out.flush();
		Thread.currentThread().join();
	}

}
