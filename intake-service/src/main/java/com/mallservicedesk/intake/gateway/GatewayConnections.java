package com.mallservicedesk.intake.gateway;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import reactor.netty.http.client.HttpClient;

/**
 * The HTTP connections to gateways. Names are resolved through {@link GatewayUrlPolicy#publicAddresses}, so the
 * address connected to is the one checked: a name that resolved to a public address when it was stored and to an
 * internal one now (DNS rebinding) fails to connect. Redirects are not followed: a gateway cannot send the call on.
 */
@Component
public class GatewayConnections {

    private final ClientHttpConnector connector;

    GatewayConnections(GatewayUrlPolicy policy) {
        this.connector = new ReactorClientHttpConnector(HttpClient.create()
                .resolver(new PublicOnly(policy))
                .followRedirect(false));
    }

    public ClientHttpConnector connector() {
        return connector;
    }

    private static final class PublicOnly extends AddressResolverGroup<InetSocketAddress> {

        private final GatewayUrlPolicy policy;

        PublicOnly(GatewayUrlPolicy policy) {
            this.policy = policy;
        }

        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
            // Blocking lookups, as Netty's own default resolver makes them.
            return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {
                @Override
                protected void doResolve(String host, Promise<InetAddress> promise) {
                    try {
                        promise.setSuccess(policy.publicAddresses(host)[0]);
                    } catch (Exception e) {
                        promise.setFailure(e);
                    }
                }

                @Override
                protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
                    try {
                        promise.setSuccess(Arrays.asList(policy.publicAddresses(host)));
                    } catch (Exception e) {
                        promise.setFailure(e);
                    }
                }
            });
        }
    }
}
