/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.netns;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;

/**
 * Delays every byte between a node and one peer by a fixed time in each direction, as
 * {@code netem} would, which this kernel lacks: a loopback listener the node dials
 * instead of the peer, and two pumps per connection that hold each chunk until it is due.
 * Order is kept: chunks of one direction fall due in the order they were read.
 *
 * @author LiteMesh team
 */
final class DelayingProxy {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final long delayNanos;

	private DelayingProxy(InetSocketAddress target, long delayMillis) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		this.target = target;
		this.delayNanos = TimeUnit.MILLISECONDS.toNanos(delayMillis);
	}

	/**
	 * Start a proxy to a peer.
	 * @param seed the peer's {@code host:port}
	 * @param delayMillis the delay each way
	 * @return the address to dial instead, {@code 127.0.0.1:port}
	 */
	static String start(String seed, long delayMillis) throws IOException {
		int colon = seed.lastIndexOf(':');
		DelayingProxy proxy = new DelayingProxy(
				new InetSocketAddress(seed.substring(0, colon), Integer.parseInt(seed.substring(colon + 1))),
				delayMillis);
		daemon("rig-delay-accept", proxy::accept);
		return "127.0.0.1:" + proxy.server.getLocalPort();
	}

	private void accept() {
		while (true) {
			try {
				Socket inbound = this.server.accept();
				Socket outbound = new Socket();
				outbound.connect(this.target, 5000);
				inbound.setTcpNoDelay(true);
				outbound.setTcpNoDelay(true);
				pump(inbound, outbound);
				pump(outbound, inbound);
			}
			catch (IOException ex) {
				// the peer is cut or gone: the node sees its dial fail and tries again
			}
		}
	}

	private void pump(Socket from, Socket to) {
		DelayQueue<Chunk> due = new DelayQueue<>();
		daemon("rig-delay-read", () -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					due.add(new Chunk(Arrays.copyOf(buffer, read), System.nanoTime() + this.delayNanos));
				}
			}
			catch (IOException ex) {
				// closed: the end chunk below closes the other side once due
			}
			due.add(new Chunk(null, System.nanoTime() + this.delayNanos));
		});
		daemon("rig-delay-write", () -> {
			try (OutputStream out = to.getOutputStream()) {
				while (true) {
					Chunk chunk = due.take();
					if (chunk.bytes == null) {
						break;
					}
					out.write(chunk.bytes);
					out.flush();
				}
			}
			catch (IOException | InterruptedException ex) {
				// the other side closed first
			}
			closeQuietly(from);
			closeQuietly(to);
		});
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing only
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Bytes read, and when they may be written.
	 */
	private record Chunk(byte[] bytes, long dueNanos) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(this.dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
		}

		@Override
		public int compareTo(Delayed other) {
			return Long.compare(this.dueNanos, ((Chunk) other).dueNanos);
		}

	}

}
