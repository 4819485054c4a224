package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aLoopbackListenerMakesThePortBusy() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.isInUse(listener.getLocalPort())).isTrue();
            assertThat(Ports.acceptsConnections(Ports.LOOPBACK, listener.getLocalPort())).isTrue();
        }
    }

    @Test
    void aListenerOnAllInterfacesMakesThePortBusy() throws IOException {
        try (ServerSocket listener = new ServerSocket()) {
            listener.bind(new InetSocketAddress(0));
            assertThat(Ports.isInUse(listener.getLocalPort())).isTrue();
        }
    }

    @Test
    void aClosedPortIsFree() throws IOException {
        int port;
        try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = listener.getLocalPort();
        }
        assertThat(Ports.isInUse(port)).isFalse();
        assertThat(Ports.acceptsConnections(Ports.LOOPBACK, port)).isFalse();
    }

    @Test
    void namesOnlyTheBusyPorts() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             ServerSocket released = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int freePort = released.getLocalPort();
            released.close();

            assertThat(Ports.inUse(List.of(freePort, busy.getLocalPort()))).containsExactly(busy.getLocalPort());
        }
    }
}
