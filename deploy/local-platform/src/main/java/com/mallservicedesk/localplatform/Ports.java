package com.mallservicedesk.localplatform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** TCP port checks: whether something already listens, and whether a child's port has opened. */
final class Ports {

    static final String LOOPBACK = "127.0.0.1";

    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);

    private Ports() {
    }

    /**
     * Whether the port is taken on this machine. Both checks are needed: a listener on another address may accept
     * no loopback connection yet still block the bind, and a half-dead process may hold a socket it no longer binds.
     */
    static boolean isInUse(int port) {
        return acceptsConnections(LOOPBACK, port) || !canBindAllInterfaces(port);
    }

    static List<Integer> inUse(Collection<Integer> ports) {
        return ports.stream().filter(Ports::isInUse).toList();
    }

    static boolean acceptsConnections(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean canBindAllInterfaces(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As a restarting server would: sockets of the previous run in TIME_WAIT do not make the port busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
