/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import io.litemesh.TestCertificates;
import io.litemesh.TestCertificates.Authority;
import io.litemesh.TestCertificates.Issued;
import io.litemesh.netns.NetnsRig.Host;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mesh on real (namespace) hosts: addresses each node finds by itself, protected
 * mode, partitions, crashes, loss and NAT. Each test prints its figures.
 *
 * @author LiteMesh team
 */
@ExtendWith(NetnsRig.PrintLogsOnFailure.class)
class NetnsMeshTests {

	private static final String SECRET = "secret=rig-secret-42";

	private static final Duration CONVERGE = Duration.ofSeconds(30);

	@Test
	void nodesAdvertiseTheirHostAddressAndEveryPatternCrossesHosts() {
		try (NetnsRig rig = NetnsRig.create(3)) {
			long started = System.currentTimeMillis();
			List<RigNode> nodes = startThree(rig);
			long allStarted = System.currentTimeMillis();
			for (int i = 0; i < 3; i++) {
				assertThat(nodes.get(i).addresses()).isEqualTo("tcp://" + rig.host(i + 1).ipv4() + ":7070");
			}
			long converged = awaitMesh(nodes);
			RigNode a = nodes.get(0);
			assertThat(a.call("hello c hi")).isEqualTo("hello hi from c");
			assertThat(nodes.get(2).call("hello b hi")).isEqualTo("hello hi from b");
			assertThat(a.call("count c 10")).isEqualTo("55");
			a.call("note b one");
			a.call("note c two");
			awaitAnswer(nodes.get(1), "notes", "1");
			awaitAnswer(nodes.get(2), "notes", "1");
			System.out.println("netns three hosts: mesh formed " + (converged - started)
					+ " ms after the first node was launched, " + Math.max(0, converged - allStarted)
					+ " ms after the last one was up; request, fire-and-forget and stream crossed hosts");
		}
	}

	@Test
	void withMutualTlsInsteadOfASecretEveryPatternCrossesHosts(@TempDir Path stores) throws Exception {
		Authority ca = TestCertificates.authority("rig-ca");
		writeTrust(ca, stores.resolve("trust.p12"));
		for (String id : List.of("a", "b", "c")) {
			writeKeys(ca.issue(id), stores.resolve(id + ".p12"));
		}
		try (NetnsRig rig = NetnsRig.create(3)) {
			String tls = "tls=" + stores;
			RigNode a = rig.start(rig.host(1), "id=a", tls);
			RigNode b = rig.start(rig.host(2), "id=b", tls, "seeds=" + rig.host(1).seed());
			RigNode c = rig.start(rig.host(3), "id=c", tls, "seeds=" + rig.host(1).seed());
			long allUp = System.currentTimeMillis();
			assertThat(c.addresses()).isEqualTo("tcp://" + rig.host(3).ipv4() + ":7070");
			long converged = awaitMesh(List.of(a, b, c));
			assertThat(a.call("hello c tls")).isEqualTo("hello tls from c");
			assertThat(c.call("count b 10")).isEqualTo("55");
			b.call("note c one");
			awaitAnswer(c, "notes", "1");
			System.out.println("netns mutual TLS, no secret: three hosts bound and advertised their own addresses, "
					+ "mesh formed " + Math.max(0, converged - allUp) + " ms after the last node was up, "
					+ "and request, fire-and-forget and stream crossed hosts");
		}
	}

	private static void writeKeys(Issued issued, Path file) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("node", issued.keys().getPrivate(), NetnsNode.STORE_PASSWORD.toCharArray(),
				new Certificate[] { issued.certificate(), issued.issuer() });
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, NetnsNode.STORE_PASSWORD.toCharArray());
		}
	}

	private static void writeTrust(Authority ca, Path file) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("ca", ca.certificate());
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, NetnsNode.STORE_PASSWORD.toCharArray());
		}
	}

	@Test
	void nodeWithoutSecretCannotBeReachedFromAnotherHostAndRefusesANetworkBind() {
		try (NetnsRig rig = NetnsRig.create(2)) {
			RigNode open = rig.start(rig.host(1), "id=open");
			assertThat(open.addresses()).isEqualTo("tcp://127.0.0.1:7070");
			int reach = rig.exec(rig.host(2), "exec 3<>/dev/tcp/" + rig.host(1).ipv4() + "/7070");
			assertThat(reach).as("a connection from host 2 to host 1's port 7070").isNotZero();
			assertThat(rig.exec(rig.host(1), "exec 3<>/dev/tcp/127.0.0.1/7070")).as("host 1 itself").isZero();
			String failure = rig.startFailing(rig.host(2), "id=exposed", "bind=" + rig.host(2).ipv4());
			assertThat(failure).contains("litemesh.tcp.bind-address").contains("litemesh.security.secret");
			System.out.println("netns protected mode: no-secret node bound to 127.0.0.1 only, refused from host 2 "
					+ "(exit " + reach + "); a non-loopback bind without secret failed: " + failure);
		}
	}

	@Test
	void cutHostIsSeenDownAndTheMeshMergesAfterHealing() {
		try (NetnsRig rig = NetnsRig.create(3)) {
			List<RigNode> nodes = startThree(rig);
			awaitMesh(nodes);
			RigNode a = nodes.get(0);
			RigNode b = nodes.get(1);
			RigNode c = nodes.get(2);
			CompletableFuture<String> aSees = a.callAsync("wait-down c 20000");
			CompletableFuture<String> bSees = b.callAsync("wait-down c 20000");
			long cut = System.currentTimeMillis();
			rig.cut(rig.host(3));
			long detectedByA = Long.parseLong(ok(aSees.join())) - cut;
			long detectedByB = Long.parseLong(ok(bSees.join())) - cut;
			// the rest keeps working while C is away
			assertThat(a.call("hello b during-cut")).isEqualTo("hello during-cut from b");
			assertThat(b.call("up")).isEqualTo("a");
			CompletableFuture<String> aMerged = a.callAsync("wait-up b,c 30000");
			CompletableFuture<String> bMerged = b.callAsync("wait-up a,c 30000");
			CompletableFuture<String> cMerged = c.callAsync("wait-up a,b 30000");
			long healed = System.currentTimeMillis();
			rig.restore(rig.host(3));
			long merged = List.of(aMerged, bMerged, cMerged)
				.stream()
				.mapToLong((answer) -> Long.parseLong(ok(answer.join())))
				.max()
				.getAsLong() - healed;
			// one graph again, and nobody holds a stale view
			awaitMesh(nodes);
			assertThat(c.call("hello a after-heal")).isEqualTo("hello after-heal from a");
			// the stated bound: keepalive timeout (2 s) plus a flood round
			assertThat(Math.max(detectedByA, detectedByB)).isLessThan(5000);
			System.out.println("netns partition: host C cut, seen down by A after " + detectedByA + " ms, by B after "
					+ detectedByB + " ms; after healing every node saw every other up within " + merged + " ms");
		}
	}

	@Test
	void killedProviderCostsNoRequestsAfterDetection() {
		try (NetnsRig rig = NetnsRig.create(3)) {
			// the caller offers no greeter, so its anycast calls cross to b and c
			RigNode a = rig.start(rig.host(1), "id=a", SECRET, "service=false");
			RigNode b = rig.start(rig.host(2), "id=b", SECRET, "seeds=" + rig.host(1).seed());
			RigNode c = rig.start(rig.host(3), "id=c", SECRET, "seeds=" + rig.host(1).seed());
			awaitMesh(List.of(a, b, c));
			CompletableFuture<String> load = a.callAsync("load * 8000 20");
			CompletableFuture<String> seen = a.callAsync("wait-down b 20000");
			// the load is under way before the kill: answered calls, wherever they went
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> Long.parseLong(a.call("load-progress")) >= 50);
			long killed = System.currentTimeMillis();
			b.kill();
			long detected = Long.parseLong(ok(seen.join()));
			String figures = ok(load.join());
			long failedBefore = 0;
			long failedAfter = 0;
			for (long at : failedAt(figures)) {
				if (at <= detected) {
					failedBefore++;
				}
				else {
					failedAfter++;
				}
			}
			assertThat(failedAfter).as("requests failed after detection: " + figures).isZero();
			assertThat(figures).contains("b=").contains("c=");
			System.out.println("netns kill -9: provider b seen down " + (detected - killed) + " ms after the kill; "
					+ failedBefore + " requests failed before detection, " + failedAfter + " after (" + figures + ")");
		}
	}

	@Test
	void fivePercentLossAndDelayCauseNoFalseSuspicion() {
		try (NetnsRig rig = NetnsRig.create(3)) {
			RigNode a = rig.start(rig.host(1), "id=a", SECRET);
			RigNode b = rig.start(rig.host(2), "id=b", SECRET, "seeds=" + rig.host(1).seed());
			// C dials out only, through proxies that hold every byte 30 ms each way
			RigNode c = rig.start(rig.host(3), "id=c", SECRET, "port=-1", "delay=30",
					"seeds=" + rig.host(1).seed() + "," + rig.host(2).seed());
			List<RigNode> nodes = List.of(a, b, c);
			awaitMesh(nodes);
			String undisturbed = a.call("load c 3000 100", Duration.ofSeconds(30));
			nodes.forEach((node) -> node.call("downs-reset"));
			rig.loss(rig.host(3), 5);
			String figures = a.call("load c 60000 100", Duration.ofSeconds(120));
			List<String> downs = new ArrayList<>();
			for (RigNode node : nodes) {
				downs.add(node.id() + "=" + node.call("downs"));
			}
			String dropped = rig.lossRules(rig.host(3));
			assertThat(failedAt(figures)).as(figures).isEmpty();
			assertThat(downs).allMatch((entry) -> entry.endsWith("{}"));
			// the delay was in the path: a round trip through the proxies takes 60 ms or
			// more
			assertThat(Double.parseDouble(undisturbed.replaceAll(".*p50Ms=([0-9.]+).*", "$1"))).as(undisturbed)
				.isGreaterThanOrEqualTo(60);
			System.out.println("netns 30 ms each way and 5% loss on host C for 60 s: calls A->C " + figures
					+ "; before the loss " + undisturbed + "; peers seen down: " + downs);
			System.out.println(dropped);
		}
	}

	@Test
	void outboundOnlyNodeBehindNatIsAFullMember() {
		try (NetnsRig rig = NetnsRig.create(2)) {
			Host natted = rig.addNatHost();
			RigNode a = rig.start(rig.host(1), "id=a", SECRET);
			RigNode b = rig.start(rig.host(2), "id=b", SECRET, "seeds=" + rig.host(1).seed());
			RigNode n = rig.start(natted, "id=n", SECRET, "port=-1", "seeds=" + rig.host(1).seed());
			assertThat(n.addresses()).isEmpty();
			awaitMesh(List.of(a, b, n));
			assertThat(rig.exec(rig.host(1), "exec 3<>/dev/tcp/192.168.77.2/7070")).as("no way in through the router")
				.isNotZero();
			assertThat(a.call("hello n from-a")).isEqualTo("hello from-a from n");
			assertThat(b.call("hello n from-b")).isEqualTo("hello from-b from n");
			assertThat(n.call("hello b from-n")).isEqualTo("hello from-n from b");
			assertThat(b.call("count n 4")).isEqualTo("10");
			// a node that advertises an address nobody can dial says so, once
			RigNode wrong = rig.start(rig.host(2), "id=wrong", SECRET, "port=7071", "advertised=10.231.0.99:7071",
					"seeds=" + rig.host(1).seed());
			String log = read(wrong);
			assertThat(log.lines().filter((line) -> line.contains("WARN") && line.contains("advertised"))).hasSize(1)
				.allMatch((line) -> line.contains("wrong") && line.contains("tcp://10.231.0.99:7071")
						&& line.contains("litemesh.tcp.advertised-address"));
			System.out.println("netns NAT: outbound-only node n behind a masquerading router joined, served A and B "
					+ "and called B; a node advertising an unreachable address logged: "
					+ log.lines().filter((line) -> line.contains("WARN")).findFirst().orElse(""));
		}
	}

	@Test
	void seedNameStandsForEveryAddressAndIsResolvedAgain() {
		try (NetnsRig rig = NetnsRig.create(4)) {
			// a and b know no one: only a seed name that means both joins them
			RigNode a = rig.start(rig.host(1), "id=a", SECRET);
			RigNode b = rig.start(rig.host(2), "id=b", SECRET);
			rig.hosts(rig.host(3), "10.231.0.1 mesh-seeds", "10.231.0.2 mesh-seeds");
			RigNode c = rig.start(rig.host(3), "id=c", SECRET, "seeds=mesh-seeds:7070");
			awaitMesh(List.of(a, b, c));
			RigNode d = rig.start(rig.host(4), "id=d", SECRET);
			long scaled = System.currentTimeMillis();
			rig.hosts(rig.host(3), "10.231.0.1 mesh-seeds", "10.231.0.2 mesh-seeds", "10.231.0.4 mesh-seeds");
			long joined = awaitMesh(List.of(a, b, c, d));
			assertThat(d.call("hello a via-dns")).isEqualTo("hello via-dns from a");
			System.out.println("netns DNS seeds: a seed name with two addresses joined two lone nodes; a third "
					+ "address added to the name was dialled " + (joined - scaled) + " ms later");
		}
	}

	private static List<RigNode> startThree(NetnsRig rig) {
		RigNode a = rig.start(rig.host(1), "id=a", SECRET);
		RigNode b = rig.start(rig.host(2), "id=b", SECRET, "seeds=" + rig.host(1).seed());
		RigNode c = rig.start(rig.host(3), "id=c", SECRET, "seeds=" + rig.host(1).seed());
		return List.of(a, b, c);
	}

	/**
	 * Wait until every node sees every other up.
	 * @return when the last one did, epoch milliseconds
	 */
	static long awaitMesh(List<RigNode> nodes) {
		List<String> ids = nodes.stream().map(RigNode::id).toList();
		long last = 0;
		for (RigNode node : nodes) {
			List<String> others = ids.stream().filter((id) -> !id.equals(node.id())).toList();
			last = Math.max(last, Long.parseLong(node
				.call("wait-up " + String.join(",", others) + " " + CONVERGE.toMillis(), CONVERGE.plusSeconds(5))));
		}
		return last;
	}

	private static void awaitAnswer(RigNode node, String command, String expected) {
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.untilAsserted(() -> assertThat(node.call(command)).as(node.id() + " " + command).isEqualTo(expected));
	}

	private static String read(RigNode node) {
		try {
			return java.nio.file.Files.readString(node.log());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String ok(String answer) {
		assertThat(answer).startsWith("OK");
		return answer.substring(2).trim();
	}

	private static List<Long> failedAt(String figures) {
		String list = figures.replaceAll(".*failedAt=([0-9,]*).*", "$1");
		List<Long> times = new ArrayList<>();
		for (String time : list.split(",")) {
			if (!time.isBlank()) {
				times.add(Long.parseLong(time));
			}
		}
		return times;
	}

}
