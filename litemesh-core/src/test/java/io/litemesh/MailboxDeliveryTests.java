/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.litemesh.TestServices.Greeter;
import io.litemesh.test.TestMesh;
import io.litemesh.transport.file.FileMailboxStore;
import io.litemesh.transport.mailbox.MailMessage;
import io.litemesh.transport.mailbox.MailboxStore;
import io.litemesh.view.TransportHealth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a durable mailbox promises beyond a TCP link: delivery across processes, messages
 * that wait for a node that is down, one handling per message although a store delivers
 * at least once, and signatures with a cluster secret.
 */
class MailboxDeliveryTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	@TempDir
	Path directory;

	@Test
	void twoJvmsTalkThroughTheDirectoryAndMailWaitsForANodeThatRestarts() throws Exception {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.start("a", TestMesh.storeOnly(new FileMailboxStore(this.directory)));
			MeshTemplate fromA = TestMesh.template(a);
			try (ExternalNode b = ExternalNode.startFileOnly("b", mesh.cluster(), this.directory)) {
				await().atMost(TIMEOUT).until(() -> TestMesh.upNodes(a).equals(List.of("a", "b")));
				assertThat(fromA.request(Target.unicast("b", "greeter"), "whoami", null, String.class).block(TIMEOUT))
					.isEqualTo("b");
				b.kill();
				// b's lease (five seconds) still runs, so its link and routes are still
				// there
				fromA.send(Target.unicast("b", "greeter"), "note", "sent while b was down").block(TIMEOUT);
			}
			Greeter restarted = new Greeter("b");
			mesh.start("b", TestMesh.storeOnly(new FileMailboxStore(this.directory)), restarted);
			await().atMost(TIMEOUT)
				.untilAsserted(() -> assertThat(restarted.received).contains("sent while b was down"));
		}
	}

	@Test
	void withASecretUnsignedMessagesAreDroppedAndCounted() {
		try (TestMesh mesh = TestMesh.tcp()) {
			String secret = "correct horse battery";
			MeshNode a = mesh.start("a", TestMesh.storeOnly(new FileMailboxStore(this.directory))
				.andThen((builder) -> builder.secret(secret)));
			Greeter greeterB = new Greeter("b");
			mesh.start("b", TestMesh.storeOnly(new FileMailboxStore(this.directory))
				.andThen((builder) -> builder.secret(secret)), greeterB);
			TestMesh.awaitUp(List.of(a), List.of("a", "b"));
			assertThat(TestMesh.template(a)
				.request(Target.unicast("b", "greeter"), "whoami", null, String.class)
				.block(TIMEOUT)).isEqualTo("b");
			mesh.startFileOnly("intruder", this.directory, new Greeter("intruder"));
			await().atMost(TIMEOUT).until(() -> transport(a).signatureFailures() > 0);
			assertThat(TestMesh.upNodes(a)).containsExactly("a", "b");
		}
	}

	@Test
	void expiredMessagesAreRemovedAndCounted() {
		try (TestMesh mesh = TestMesh.tcp()) {
			MeshNode a = mesh.startFileOnly("a", this.directory);
			MailboxStore planter = new FileMailboxStore(this.directory);
			planter.deliver(List.of(new MailMessage(UUID.randomUUID(), "ghost", "nobody", MailMessage.Type.FIRE,
					UUID.randomUUID(), System.currentTimeMillis() - 1, new byte[0], new byte[0], null)));
			await().atMost(TIMEOUT).until(() -> transport(a).expired() > 0);
			planter.close();
		}
	}

	private static TransportHealth transport(MeshNode node) {
		List<TransportHealth> transports = node.health().transports();
		assertThat(transports).isNotNull();
		return transports.get(0);
	}

}
