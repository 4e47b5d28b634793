/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.jdbc;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.litemesh.MeshNode;
import io.litemesh.MeshTemplate;
import io.litemesh.Target;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JDBC mailbox store on PostgreSQL, where {@code LISTEN/NOTIFY} wakes a waiting
 * claimer: the wake-up must come well before the poll interval, also after the listening
 * connection was killed.
 *
 * @author LiteMesh team
 */
class PostgresMailboxStoreTests extends AbstractJdbcMailboxStoreTests {

	private static final Duration POLL = Duration.ofSeconds(5);

	@Override
	DataSource database() {
		return TestDatabases.postgres();
	}

	@Test
	void notificationWakesAWaitingClaimerLongBeforeThePollInterval() throws Exception {
		JdbcMailboxStore receiver = track(builder().pollInterval(POLL));
		JdbcMailboxStore sender = track(builder().notifications(false));
		String b = name("b");
		listening(receiver, b);
		assertThat(wakeUp(receiver, sender, b)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void listenerReconnectsAfterItsConnectionIsKilled() throws Exception {
		JdbcMailboxStore receiver = track(builder().pollInterval(POLL).maxBackoff(Duration.ofMillis(500)));
		JdbcMailboxStore sender = track(builder().notifications(false));
		String b = name("b");
		listening(receiver, b);
		int killed = receiver.listenerBackendPid();
		assertThat(jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, killed)).isTrue();
		await().atMost(WAIT).until(() -> receiver.listenerBackendPid() != 0 && receiver.listenerBackendPid() != killed);
		assertThat(wakeUp(receiver, sender, b)).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void listeningConnectionSkipsPgjdbcsPendingMessagePeek() throws Exception {
		// fails when a pgjdbc upgrade moves the internals the wake-up relies on
		try (Connection connection = dataSource().getConnection()) {
			assertThat(PgjdbcWakeUp.skipPendingPeek(connection)).isTrue();
		}
	}

	@Test
	void nodesOnAHikariPoolAreWokenByNotificationsAndAcknowledgeWithTheirNextClaim() {
		// as the Spring Boot starter builds them: the store on the application's pool
		assertThat(dataSource()).isInstanceOf(HikariDataSource.class);
		String cluster = name("mesh");
		JdbcMailboxStore serverStore = builder().cluster(cluster).build();
		JdbcMailboxStore clientStore = builder().cluster(cluster).build();
		MeshNode server = databaseOnlyNode("server", cluster, serverStore, new Echo());
		MeshNode client = databaseOnlyNode("client", cluster, clientStore, null);
		try {
			MeshTemplate mesh = new MeshTemplate(client);
			Target target = Target.unicast(server.nodeId(), "echo");
			await().atMost(WAIT)
				.until(() -> serverStore.status().listening() && clientStore.status().listening()
						&& client.snapshot().nodes().stream().anyMatch((node) -> node.id().equals(server.nodeId())));
			long requestsBefore = serverStore.status().notifications();
			long repliesBefore = clientStore.status().notifications();
			int calls = 10;
			for (int i = 0; i < calls; i++) {
				assertThat(mesh.request(target, "echo", "call " + i, String.class).block(WAIT)).isEqualTo("call " + i);
			}
			// every request and every reply woke its recipient through LISTEN/NOTIFY,
			// not a poll: one notification per delivery statement
			assertThat(serverStore.status().notifications() - requestsBefore).isGreaterThanOrEqualTo(calls);
			assertThat(clientStore.status().notifications() - repliesBefore).isGreaterThanOrEqualTo(calls);
			// handled messages are deleted by the claim that follows, never on their own
			assertThat(serverStore.status().separateAcknowledgements()).isZero();
			assertThat(clientStore.status().separateAcknowledgements()).isZero();
			await().atMost(WAIT).until(() -> rows("MAILBOX") == 0);
		}
		finally {
			client.stop();
			server.stop();
		}
	}

	private static void listening(JdbcMailboxStore receiver, String nodeId) throws InterruptedException {
		// the first wait starts the listener
		receiver.awaitMail(nodeId, Duration.ofMillis(1));
		await().atMost(WAIT).until(() -> receiver.status().listening());
	}

	/**
	 * Measure how long a claimer that waits with a 30 s timeout takes to get a message
	 * that another store delivers.
	 */
	private Duration wakeUp(JdbcMailboxStore receiver, JdbcMailboxStore sender, String nodeId) throws Exception {
		CountDownLatch waiting = new CountDownLatch(1);
		CompletableFuture<Long> claimedAt = new CompletableFuture<>();
		Thread claimer = new Thread(() -> {
			try {
				while (receiver.claim(nodeId, 10).isEmpty()) {
					waiting.countDown();
					receiver.awaitMail(nodeId, Duration.ofSeconds(30));
				}
				claimedAt.complete(System.nanoTime());
			}
			catch (Throwable ex) {
				claimedAt.completeExceptionally(ex);
			}
		});
		claimer.setDaemon(true);
		claimer.start();
		try {
			assertThat(waiting.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			long sentAt = System.nanoTime();
			sender.deliver(List.of(message(name("a"), nodeId, "wake up")));
			return Duration.ofNanos(claimedAt.get(WAIT.toSeconds(), TimeUnit.SECONDS) - sentAt);
		}
		finally {
			claimer.interrupt();
		}
	}

}
