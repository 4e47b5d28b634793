/*
 * Copyright 2026 the LiteMesh authors.
 */
package io.litemesh.benchmarks.scalecube;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.litemesh.benchmarks.driver.EchoClient;
import io.litemesh.benchmarks.driver.EchoMessage;
import io.litemesh.benchmarks.driver.EchoSystem;
import io.netty.channel.ChannelOption;
import io.rsocket.transport.netty.server.TcpServerTransport;
import io.scalecube.net.Address;
import io.scalecube.services.Microservices;
import io.scalecube.services.ServiceEndpoint;
import io.scalecube.services.ServiceMethodDefinition;
import io.scalecube.services.ServiceReference;
import io.scalecube.services.ServiceRegistration;
import io.scalecube.services.annotations.Service;
import io.scalecube.services.annotations.ServiceMethod;
import io.scalecube.services.api.ServiceMessage;
import io.scalecube.services.routing.Router;
import io.scalecube.services.transport.rsocket.RSocketClientTransportFactory;
import io.scalecube.services.transport.rsocket.RSocketServerTransportFactory;
import io.scalecube.services.transport.rsocket.RSocketServiceTransport;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;
import reactor.netty.tcp.TcpServer;

/**
 * ScaleCube services 2.10.25 over its rsocket-java transport on plain TCP, with its
 * Jackson data codec ({@code application/json}, Jackson 2): a server offering an
 * {@code echo} service and a client calling it through a service proxy. There is no
 * discovery: the client's router points every call at the server's address, so only the
 * request path is measured, as for the other systems.
 *
 * @author LiteMesh team
 */
public class ScaleCubeSystem implements EchoSystem {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	@Override
	public String startServer(Map<String, String> options) {
		Microservices server = Microservices.builder()
			.transport(ScaleCubeSystem::transport)
			.services(new Echo())
			.start()
			.block(START_TIMEOUT);
		return "127.0.0.1:" + server.serviceAddress().port();
	}

	@Override
	public EchoClient connect(Map<String, String> options) {
		String[] server = EchoSystem.required(options, "server").split(":");
		Address address = Address.create(server[0], Integer.parseInt(server[1]));
		ServiceMethodDefinition method = new ServiceMethodDefinition("echo");
		ServiceRegistration registration = new ServiceRegistration("echo", Map.of(), List.of(method));
		ServiceEndpoint endpoint = ServiceEndpoint.builder()
			.id("server")
			.address(address)
			.contentTypes(Set.of(ServiceMessage.DEFAULT_DATA_FORMAT))
			.serviceRegistrations(List.of(registration))
			.build();
		ServiceReference reference = new ServiceReference(method, registration, endpoint);
		Router router = (registry, request) -> Optional.of(reference);
		Microservices client = Microservices.builder()
			.transport(ScaleCubeSystem::transport)
			.start()
			.block(START_TIMEOUT);
		EchoService echo = client.call().router(router).api(EchoService.class);
		return (request) -> echo.echo(request).toFuture();
	}

	/**
	 * ScaleCube's rsocket transport on plain TCP (its default is WebSocket), the server
	 * bound to loopback with the socket options of ScaleCube's own TCP factory.
	 */
	private static RSocketServiceTransport transport() {
		Function<LoopResources, RSocketServerTransportFactory> server = (
				loopResources) -> () -> TcpServerTransport.create(TcpServer.create()
					.runOn(loopResources)
					.bindAddress(() -> new InetSocketAddress("127.0.0.1", 0))
					.childOption(ChannelOption.TCP_NODELAY, true)
					.childOption(ChannelOption.SO_KEEPALIVE, true)
					.childOption(ChannelOption.SO_REUSEADDR, true));
		return new RSocketServiceTransport().serverTransportFactory(server)
			.clientTransportFactory(RSocketClientTransportFactory.tcp());
	}

	/**
	 * The echo service's API, as ScaleCube proxies and dispatches it.
	 */
	@Service("echo")
	public interface EchoService {

		/**
		 * Echo the message.
		 * @param message the message
		 * @return the same message
		 */
		@ServiceMethod("echo")
		Mono<EchoMessage> echo(EchoMessage message);

	}

	/**
	 * The echo service: ScaleCube's Jackson codec reads the request and writes the reply.
	 */
	public static class Echo implements EchoService {

		@Override
		public Mono<EchoMessage> echo(EchoMessage message) {
			return Mono.just(message);
		}

	}

}
