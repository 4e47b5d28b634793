/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.transport.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.litemesh.MeshNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The contract every {@link MailboxStore} passes, as rsocket-java's {@code TransportTest}
 * is for its transports. To test a store, subclass this class in the store's test package
 * and implement the three hooks:
 * <ul>
 * <li>{@link #createStore(Duration)} returns a new store instance over storage shared by
 * every instance created in one test (one directory, one database): a test calls it more
 * than once to stand for several nodes or JVMs. The base class closes every store after
 * each test.</li>
 * <li>{@link #plantMalformed} and {@link #plantOversized} put a message that does not
 * parse, or that exceeds the store's size bound, into a node's mailbox by the store's own
 * means (a file, a row), as a broken or hostile writer would.</li>
 * </ul>
 * Every test uses fresh node and cluster names, so storage may be shared across tests
 * (one database for the whole class).
 *
 * <pre class="code">
 * class FileMailboxStoreTests extends AbstractMailboxStoreTests {
 *     &#64;TempDir Path directory;
 *     protected MailboxStore createStore(Duration claimTimeout) {
 *         return new FileMailboxStore(this.directory, claimTimeout, 64 * 1024);
 *     }
 *     ...
 * }
 * </pre>
 *
 * @author LiteMesh team
 */
public abstract class AbstractMailboxStoreTests {

	/** The claim timeout that tests of reclaiming use: short, so they run fast. */
	protected static final Duration SHORT_CLAIM_TIMEOUT = Duration.ofMillis(200);

	/** The claim timeout of tests that must never see a reclaim. */
	protected static final Duration LONG_CLAIM_TIMEOUT = Duration.ofMinutes(5);

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final List<MailboxStore> stores = new CopyOnWriteArrayList<>();

	private final String suffix = MeshNode.Builder.randomSuffix();

	/**
	 * The clock of every store of a test: claim timeouts pass when a test moves it on,
	 * not by waiting.
	 */
	protected final MutableClock clock = new MutableClock();

	/**
	 * Create a store over the storage of the current test.
	 * @param claimTimeout how long a claim holds before the message is offered again
	 * @param clock the clock the store must tell time by
	 * @return a new store instance; the base class closes it
	 */
	protected abstract MailboxStore createStore(Duration claimTimeout, Clock clock);

	/**
	 * Put a message that does not parse into a node's mailbox.
	 * @param store a store over the test's storage
	 * @param nodeId the mailbox owner
	 * @throws Exception when the message cannot be planted
	 */
	protected abstract void plantMalformed(MailboxStore store, String nodeId) throws Exception;

	/**
	 * Put a message larger than the store accepts into a node's mailbox.
	 * @param store a store over the test's storage
	 * @param nodeId the mailbox owner
	 * @throws Exception when the message cannot be planted
	 */
	protected abstract void plantOversized(MailboxStore store, String nodeId) throws Exception;

	/**
	 * Close the stores of the test. A subclass that tears down their storage after each
	 * test calls this first; the base class calls it after each test too.
	 */
	@AfterEach
	protected final void closeStores() {
		this.stores.forEach(MailboxStore::close);
		this.stores.clear();
	}

	/**
	 * Create a store and close it after the test.
	 * @param claimTimeout the claim timeout
	 * @return the store
	 */
	protected final MailboxStore store(Duration claimTimeout) {
		return track(createStore(claimTimeout, this.clock));
	}

	/**
	 * Close a store after the test.
	 * @param <S> the type of store
	 * @param store a store that a subclass created
	 * @return the same store
	 */
	protected final <S extends MailboxStore> S track(S store) {
		this.stores.add(store);
		return store;
	}

	/**
	 * Return a node or cluster name unique to this test.
	 * @param name the base name
	 * @return the name with a random suffix
	 */
	protected final String name(String name) {
		return name + "-" + this.suffix;
	}

	/**
	 * Create a message that expires in a minute.
	 * @param from the sender
	 * @param to the recipient
	 * @param text the data, as UTF-8
	 * @return the message
	 */
	protected static MailMessage message(String from, String to, String text) {
		return message(from, to, text, System.currentTimeMillis() + 60_000);
	}

	/**
	 * Create a message.
	 * @param from the sender
	 * @param to the recipient
	 * @param text the data, as UTF-8
	 * @param expiresAtMillis when it expires
	 * @return the message
	 */
	protected static MailMessage message(String from, String to, String text, long expiresAtMillis) {
		return new MailMessage(UUID.randomUUID(), from, to, MailMessage.Type.FIRE, UUID.randomUUID(), expiresAtMillis,
				new byte[] { 1, 2, 3 }, text.getBytes(StandardCharsets.UTF_8), null);
	}

	private static List<String> texts(List<MailMessage> messages) {
		return messages.stream().map((message) -> new String(message.data(), StandardCharsets.UTF_8)).toList();
	}

	/**
	 * Return the ids of messages, as an acknowledgement takes them.
	 * @param messages the messages
	 * @return their ids, in order
	 */
	protected static List<UUID> ids(List<MailMessage> messages) {
		return messages.stream().map(MailMessage::id).toList();
	}

	@Test
	void deliveredMessageIsClaimedWithEveryFieldIntactAndGoneOnceAcknowledged() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String a = name("a");
		String b = name("b");
		UUID correlation = UUID.randomUUID();
		MailMessage sent = new MailMessage(UUID.randomUUID(), a, b, MailMessage.Type.REQUEST, correlation,
				this.clock.millis() + 60_000, new byte[] { 0, 1, (byte) 0xff }, "{\"x\":1}".getBytes(), "c2lnbmF0dXJl");
		store.deliver(List.of(sent));
		List<MailMessage> claimed = store.claim(b, 10);
		assertThat(claimed).singleElement().satisfies((received) -> {
			assertThat(received.id()).isEqualTo(sent.id());
			assertThat(received.from()).isEqualTo(a);
			assertThat(received.to()).isEqualTo(b);
			assertThat(received.type()).isEqualTo(MailMessage.Type.REQUEST);
			assertThat(received.correlation()).isEqualTo(correlation);
			assertThat(received.expiresAtMillis()).isEqualTo(sent.expiresAtMillis());
			assertThat(received.metadata()).containsExactly(0, 1, 0xff);
			assertThat(received.data()).isEqualTo("{\"x\":1}".getBytes());
			assertThat(received.signature()).isEqualTo("c2lnbmF0dXJl");
		});
		assertThat(store.claim(b, 10)).as("a claimed message is not offered twice").isEmpty();
		store.acknowledge(ids(claimed));
		assertThat(store.claim(b, 10)).isEmpty();
	}

	@Test
	void emptyArraysAndNoSignatureSurviveTheRoundTrip() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		MailMessage sent = new MailMessage(UUID.randomUUID(), name("a"), name("b"), MailMessage.Type.COMPLETE,
				UUID.randomUUID(), this.clock.millis() + 60_000, new byte[0], new byte[0], null);
		store.deliver(List.of(sent));
		assertThat(store.claim(name("b"), 1)).singleElement().satisfies((received) -> {
			assertThat(received.type()).isEqualTo(MailMessage.Type.COMPLETE);
			assertThat(received.metadata()).isEmpty();
			assertThat(received.data()).isEmpty();
			assertThat(received.signature()).isNull();
		});
	}

	@Test
	void claimReturnsOnlyTheOwnersMailOldestFirstInBatches() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String a = name("a");
		String b = name("b");
		String c = name("c");
		for (int i = 1; i <= 5; i++) {
			store.deliver(List.of(message(a, b, "b" + i), message(a, c, "c" + i)));
		}
		assertThat(texts(store.claim(b, 3))).containsExactly("b1", "b2", "b3");
		assertThat(texts(store.claim(b, 3))).containsExactly("b4", "b5");
		assertThat(texts(store.claim(c, 10))).containsExactly("c1", "c2", "c3", "c4", "c5");
	}

	@Test
	void claimReadsWithinItsByteBudgetButAlwaysTheOldestMessage() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String a = name("a");
		String b = name("b");
		List<String> sent = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			sent.add(i + "x".repeat(1_000));
			store.deliver(List.of(message(a, b, sent.get(i))));
		}
		List<String> received = new ArrayList<>();
		for (int claims = 0; claims < 10 && received.size() < sent.size(); claims++) {
			List<MailMessage> claimed = store.claim(b, 10, 2_500);
			// each message takes a thousand bytes and more, so no claim holds three
			assertThat(claimed).as("within 2500 bytes, but never none").isNotEmpty().hasSizeLessThanOrEqualTo(2);
			received.addAll(texts(claimed));
			store.acknowledge(ids(claimed));
		}
		assertThat(received).as("every message, oldest first").isEqualTo(sent);
		store.deliver(List.of(message(a, b, "y".repeat(5_000)), message(a, b, "small")));
		assertThat(texts(store.claim(b, 10, 1_000))).as("larger than the budget, still delivered, alone")
			.containsExactly("y".repeat(5_000));
	}

	@Test
	void claimStopsAtTheFirstMessageOverItsBudgetSoThatNoLaterOneOvertakesIt() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String a = name("a");
		String b = name("b");
		store.deliver(List.of(message(a, b, "1".repeat(1_000)), message(a, b, "2".repeat(2_500)), message(a, b, "3")));
		List<MailMessage> first = store.claim(b, 10, 3_000);
		assertThat(texts(first)).as("the third would fit the budget, but not before the second")
			.containsExactly("1".repeat(1_000));
		store.acknowledge(ids(first));
		assertThat(texts(store.claim(b, 10, 10_000))).containsExactly("2".repeat(2_500), "3");
	}

	@Test
	void anotherStoreInstanceOnTheSameStorageClaimsWhatOneDelivered() {
		MailboxStore sender = store(LONG_CLAIM_TIMEOUT);
		MailboxStore receiver = store(LONG_CLAIM_TIMEOUT);
		sender.deliver(List.of(message(name("a"), name("b"), "across")));
		assertThat(texts(receiver.claim(name("b"), 10))).containsExactly("across");
		assertThat(sender.claim(name("b"), 10)).isEmpty();
	}

	@Test
	void concurrentClaimersNeverGetOneMessageTwice() throws Exception {
		assertClaimersNeverShare(200, 4, 7, WAIT);
	}

	/**
	 * Deliver messages to the mailbox {@code name("b")}, have several store instances
	 * claim and acknowledge them concurrently, and check that every message was claimed
	 * exactly once.
	 * @param count how many messages to deliver
	 * @param claimers how many store instances claim, each on a thread of its own
	 * @param batch how many messages a claim asks for
	 * @param within how long the claimers have to claim them all
	 * @return the store that delivered the messages
	 * @throws Exception when a claimer fails
	 */
	protected final MailboxStore assertClaimersNeverShare(int count, int claimers, int batch, Duration within)
			throws Exception {
		String b = name("b");
		List<MailMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			messages.add(message(name("a"), b, "m" + i));
		}
		MailboxStore sender = store(LONG_CLAIM_TIMEOUT);
		// a big backlog arrives in several deliveries
		for (int from = 0; from < count; from += 500) {
			sender.deliver(messages.subList(from, Math.min(from + 500, count)));
		}
		Set<UUID> claimed = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		AtomicInteger total = new AtomicInteger();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(claimers);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < claimers; i++) {
				MailboxStore store = store(LONG_CLAIM_TIMEOUT);
				futures.add(executor.submit(() -> {
					start.await();
					long deadline = System.nanoTime() + within.toNanos();
					while (total.get() < count && System.nanoTime() < deadline) {
						List<MailMessage> claim = store.claim(b, batch);
						for (MailMessage message : claim) {
							total.incrementAndGet();
							if (!claimed.add(message.id())) {
								duplicates.incrementAndGet();
							}
						}
						store.acknowledge(ids(claim));
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(within.toSeconds() * 2, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(duplicates).hasValue(0);
		assertThat(claimed).hasSize(count);
		return sender;
	}

	@Test
	void unacknowledgedClaimIsOfferedAgainAfterTheClaimTimeout() {
		MailboxStore store = store(SHORT_CLAIM_TIMEOUT);
		String b = name("b");
		MailMessage sent = message(name("a"), b, "again");
		store.deliver(List.of(sent));
		assertThat(ids(store.claim(b, 10))).containsExactly(sent.id());
		assertThat(store.claim(b, 10)).as("claimed").isEmpty();
		this.clock.advance(SHORT_CLAIM_TIMEOUT.plusMillis(1));
		List<MailMessage> again = store.claim(b, 10);
		assertThat(ids(again)).containsExactly(sent.id());
		store.acknowledge(ids(again));
		assertThat(store.claim(b, 10)).isEmpty();
	}

	@Test
	void acknowledgedClaimIsNeverOfferedAgain() {
		MailboxStore store = store(SHORT_CLAIM_TIMEOUT);
		String b = name("b");
		store.deliver(List.of(message(name("a"), b, "once")));
		store.acknowledge(ids(store.claim(b, 10)));
		// past the claim timeout, a forgotten claim would be back
		this.clock.advance(SHORT_CLAIM_TIMEOUT.multipliedBy(3));
		assertThat(store.claim(b, 10)).isEmpty();
	}

	@Test
	void acknowledgeAndClaimDeletesTheHandledAndClaimsTheRest() {
		MailboxStore store = store(SHORT_CLAIM_TIMEOUT);
		String b = name("b");
		MailMessage first = message(name("a"), b, "first");
		MailMessage second = message(name("a"), b, "second");
		MailMessage third = message(name("a"), b, "third");
		store.deliver(List.of(first, second));
		List<MailMessage> handled = store.claim(b, 10);
		assertThat(ids(handled)).containsExactly(first.id(), second.id());
		store.deliver(List.of(third));
		assertThat(ids(store.acknowledgeAndClaim(ids(handled), b, 10, Long.MAX_VALUE))).containsExactly(third.id());
		// a claim that timed out while its messages were handled: they are deleted, not
		// claimed again by the same call
		this.clock.advance(SHORT_CLAIM_TIMEOUT.plusMillis(1));
		assertThat(store.acknowledgeAndClaim(List.of(third.id()), b, 10, Long.MAX_VALUE)).isEmpty();
		this.clock.advance(SHORT_CLAIM_TIMEOUT.multipliedBy(3));
		assertThat(store.claim(b, 10)).isEmpty();
		assertThat(store.acknowledgeAndClaim(List.of(), b, 10, Long.MAX_VALUE)).isEmpty();
	}

	@Test
	void expireRemovesAndCountsExpiredMessagesOnly() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String b = name("b");
		store.deliver(
				List.of(message(name("a"), b, "expired", this.clock.millis() - 1_000), message(name("a"), b, "live")));
		assertThat(store.expire()).isEqualTo(1);
		assertThat(texts(store.claim(b, 10))).containsExactly("live");
		assertThat(store.expire()).isZero();
	}

	@Test
	void expiredMessageIsNeverClaimedAndIsCountedOnce() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String b = name("b");
		store.deliver(List.of(message(name("a"), b, "late", this.clock.millis() - 1_000)));
		assertThat(store.claim(b, 10)).isEmpty();
		assertThat(store.expire()).isEqualTo(1);
		assertThat(store.expire()).isZero();
	}

	@Test
	void malformedMessageIsSetAsideCountedAndNeverReturned() throws Exception {
		assertSetAsideCountedAndNeverReturned(this::plantMalformed);
	}

	@Test
	void oversizedMessageIsSetAsideCountedAndNeverReturned() throws Exception {
		assertSetAsideCountedAndNeverReturned(this::plantOversized);
	}

	private void assertSetAsideCountedAndNeverReturned(Planter planter) throws Exception {
		MailboxStore store = store(SHORT_CLAIM_TIMEOUT);
		String b = name("b");
		long before = store.rejected();
		planter.plant(store, b);
		store.deliver(List.of(message(name("a"), b, "good")));
		List<MailMessage> claimed = store.claim(b, 10);
		assertThat(texts(claimed)).containsExactly("good");
		store.acknowledge(ids(claimed));
		assertThat(store.rejected()).isEqualTo(before + 1);
		// past the claim timeout, a set-aside message that was retried would be back
		this.clock.advance(SHORT_CLAIM_TIMEOUT.multipliedBy(2));
		assertThat(store.claim(b, 10)).as("not retried").isEmpty();
		assertThat(store.rejected()).as("counted once").isEqualTo(before + 1);
	}

	@Test
	void registryHoldsLiveEntriesRenewedInPlace() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String cluster = name("cluster");
		long now = this.clock.millis();
		store.checkIn(new RegistryEntry(name("a"), cluster, 1, now + 60_000));
		store.checkIn(new RegistryEntry(name("b"), cluster, 1, now + 60_000));
		store.checkIn(new RegistryEntry(name("a"), cluster, 2, now + 120_000));
		assertThat(store(LONG_CLAIM_TIMEOUT).liveNodes(cluster)).as("seen by another instance")
			.containsExactlyInAnyOrder(new RegistryEntry(name("a"), cluster, 2, now + 120_000),
					new RegistryEntry(name("b"), cluster, 1, now + 60_000));
	}

	@Test
	void registryKeepsTheSignatureOfAnEntry() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String cluster = name("cluster");
		RegistryEntry signed = new RegistryEntry(name("a"), cluster, 1, this.clock.millis() + 60_000,
				"c2lnbmVkIGVudHJ5");
		store.checkIn(signed);
		assertThat(store(LONG_CLAIM_TIMEOUT).liveNodes(cluster)).containsExactly(signed);
	}

	@Test
	void entryWhoseLeaseEndedIsNotLiveAndIsExpired() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String cluster = name("cluster");
		long now = this.clock.millis();
		store.checkIn(new RegistryEntry(name("gone"), cluster, 1, now - 1));
		store.checkIn(new RegistryEntry(name("live"), cluster, 1, now + 60_000));
		assertThat(store.liveNodes(cluster)).extracting(RegistryEntry::nodeId).containsExactly(name("live"));
		store.expire();
		assertThat(store.liveNodes(cluster)).extracting(RegistryEntry::nodeId).containsExactly(name("live"));
	}

	@Test
	void checkOutRemovesTheEntryAtOnce() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		String cluster = name("cluster");
		store.checkIn(new RegistryEntry(name("a"), cluster, 1, this.clock.millis() + 60_000));
		store.checkOut(name("a"));
		assertThat(store.liveNodes(cluster)).isEmpty();
		store.checkOut(name("never-checked-in"));
	}

	@Test
	void clustersAreSeparate() {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		long lease = this.clock.millis() + 60_000;
		store.checkIn(new RegistryEntry(name("a"), name("blue"), 1, lease));
		store.checkIn(new RegistryEntry(name("b"), name("green"), 1, lease));
		assertThat(store.liveNodes(name("blue"))).extracting(RegistryEntry::nodeId).containsExactly(name("a"));
		assertThat(store.liveNodes(name("green"))).extracting(RegistryEntry::nodeId).containsExactly(name("b"));
		assertThat(store.liveNodes(name("red"))).isEmpty();
	}

	@Test
	void awaitMailWakesUpWhenAnotherInstanceDelivers() throws Exception {
		MailboxStore receiver = store(LONG_CLAIM_TIMEOUT);
		MailboxStore sender = store(LONG_CLAIM_TIMEOUT);
		String b = name("b");
		// a first wait sets up whatever the store listens with
		receiver.awaitMail(b, Duration.ofMillis(10));
		CountDownLatch woke = new CountDownLatch(1);
		Thread waiter = new Thread(() -> {
			try {
				while (receiver.claim(b, 10).isEmpty()) {
					receiver.awaitMail(b, Duration.ofSeconds(30));
				}
				woke.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		waiter.setDaemon(true);
		waiter.start();
		try {
			sender.deliver(List.of(message(name("a"), b, "wake up")));
			assertThat(woke.await(5, TimeUnit.SECONDS)).as("woke up well before the 30 s timeout").isTrue();
		}
		finally {
			waiter.interrupt();
		}
	}

	@Test
	void awaitMailReturnsByItsTimeoutWithoutMail() throws Exception {
		MailboxStore store = store(LONG_CLAIM_TIMEOUT);
		long start = System.nanoTime();
		store.awaitMail(name("b"), Duration.ofMillis(300));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	/**
	 * Puts a bad message into a mailbox, as {@link #plantMalformed} and
	 * {@link #plantOversized} do.
	 */
	@FunctionalInterface
	private interface Planter {

		void plant(MailboxStore store, String nodeId) throws Exception;

	}

}
