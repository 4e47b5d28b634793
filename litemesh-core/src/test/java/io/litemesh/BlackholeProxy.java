/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback that can start swallowing every byte without closing anything:
 * a network partition as a dead switch makes it, which only keepalive can detect.
 *
 * @author LiteMesh team
 */
final class BlackholeProxy implements AutoCloseable {

	private final ServerSocket server;

	private final InetSocketAddress target;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile boolean blackholed;

	BlackholeProxy(InetSocketAddress target) throws IOException {
		this.target = target;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "blackhole-proxy-" + this.server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	String address() {
		return "127.0.0.1:" + this.server.getLocalPort();
	}

	/**
	 * Swallow every byte from now on, in both directions, keeping the connections open.
	 */
	void blackhole() {
		this.blackholed = true;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket inbound = this.server.accept();
				Socket outbound = new Socket(this.target.getAddress(), this.target.getPort());
				this.sockets.add(inbound);
				this.sockets.add(outbound);
				pump(inbound, outbound);
				pump(outbound, inbound);
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread pump = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (!this.blackholed) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// one side closed
			}
		}, "blackhole-pump");
		pump.setDaemon(true);
		pump.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

}
