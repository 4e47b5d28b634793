/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.jgroups;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.litemesh.benchmarks.driver.EchoClient;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.benchmarks.driver.EchoSystem;
import org.jgroups.Address;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.blocks.MethodCall;
import org.jgroups.blocks.RequestOptions;
import org.jgroups.blocks.ResponseMode;
import org.jgroups.blocks.RpcDispatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * JGroups {@link RpcDispatcher} as its own UPerf benchmark uses it: a TCP stack (the
 * stack of JGroups' {@code tcp.xml}, with {@code tcp_nodelay=true}) of two members on
 * loopback found through {@code TCPPING}, calls to one member by method id with
 * {@link ResponseMode#GET_ALL} and {@link Message.Flag#OOB}, as UPerf's gets are. The
 * echo method takes and returns the JSON bytes, which each side reads and writes with
 * Jackson; calls are asynchronous ({@link RpcDispatcher#callRemoteMethodWithFuture}) so
 * the driver keeps many in flight.
 *
 * @author LiteMesh team
 */
public class JGroupsSystem implements EchoSystem {

	private static final short ECHO = 0;

	private static final long RPC_TIMEOUT_MILLIS = 30_000;

	private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(60);

	private static final String STACK = """
			<config xmlns="urn:org:jgroups">
			    <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" tcp_nodelay="true"
			         thread_pool.min_threads="0" thread_pool.max_threads="200"
			         thread_pool.keep_alive_time="30000"/>
			    <NON_BLOCKING_SENDS/>
			    <TCPPING async_discovery="true" initial_hosts="%s" port_range="0"/>
			    <MERGE3 min_interval="10s" max_interval="30s"/>
			    <FD_SOCK2/>
			    <FD_ALL3 timeout="40s" interval="5s"/>
			    <VERIFY_SUSPECT2 timeout="1.5s"/>
			    <BARRIER/>
			    <pbcast.NAKACK2 use_mcast_xmit="false"/>
			    <UNICAST3/>
			    <pbcast.STABLE desired_avg_gossip="50s" max_bytes="4M"/>
			    <pbcast.GMS print_local_addr="false" join_timeout="2s"/>
			    <MFC max_credits="10M" min_threshold="0.4"/>
			    <UFC max_credits="10M" min_threshold="0.4"/>
			    <FRAG2 frag_size="60K"/>
			</config>
			""";

	private final JsonMapper mapper = JsonMapper.builder().build();

	@Override
	public String startServer(Map<String, String> options) throws Exception {
		int port = freePort();
		JChannel channel = channel(port, "127.0.0.1[" + port + "]", "server");
		RpcDispatcher dispatcher = new RpcDispatcher(channel, new EchoTarget(this.mapper));
		dispatcher.setMethodLookup((id) -> EchoTarget.ECHO_METHOD);
		channel.connect(options.getOrDefault("cluster", "bench"));
		return "127.0.0.1[" + port + "]";
	}

	@Override
	public EchoClient connect(Map<String, String> options) throws Exception {
		int port = freePort();
		String server = EchoSystem.required(options, "server");
		JChannel channel = channel(port, server + ",127.0.0.1[" + port + "]", "client");
		RpcDispatcher dispatcher = new RpcDispatcher(channel, null);
		channel.connect(options.getOrDefault("cluster", "bench"));
		long deadline = System.nanoTime() + VIEW_TIMEOUT.toNanos();
		while (channel.getView().size() < 2) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The server never joined: " + channel.getView());
			}
			Thread.sleep(10);
		}
		Address target = channel.getView()
			.getMembers()
			.stream()
			.filter((member) -> !member.equals(channel.getAddress()))
			.findFirst()
			.orElseThrow();
		RequestOptions requestOptions = new RequestOptions(ResponseMode.GET_ALL, RPC_TIMEOUT_MILLIS)
			.flags(Message.Flag.OOB);
		return (request) -> {
			try {
				CompletableFuture<byte[]> reply = dispatcher.callRemoteMethodWithFuture(target,
						new MethodCall(ECHO, this.mapper.writeValueAsBytes(request)), requestOptions);
				return reply.thenApply((bytes) -> this.mapper.readValue(bytes, EchoMessage.class));
			}
			catch (Exception ex) {
				return CompletableFuture.failedFuture(ex);
			}
		};
	}

	private static JChannel channel(int port, String initialHosts, String name) throws Exception {
		String stack = STACK.formatted(port, initialHosts);
		return new JChannel(new ByteArrayInputStream(stack.getBytes(StandardCharsets.UTF_8))).name(name);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * The server's RPC target: reads the request with Jackson and writes the reply with
	 * Jackson, as the other systems' servers do.
	 */
	public static class EchoTarget {

		static final Method ECHO_METHOD;

		static {
			try {
				ECHO_METHOD = EchoTarget.class.getMethod("echo", byte[].class);
			}
			catch (NoSuchMethodException ex) {
				throw new ExceptionInInitializerError(ex);
			}
		}

		private final JsonMapper mapper;

		EchoTarget(JsonMapper mapper) {
			this.mapper = mapper;
		}

		/**
		 * Echo the JSON message.
		 * @param json the request
		 * @return the reply
		 */
		public byte[] echo(byte[] json) {
			EchoMessage message = this.mapper.readValue(json, EchoMessage.class);
			return this.mapper.writeValueAsBytes(message);
		}

	}

}
