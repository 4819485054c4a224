package com.mallservicedesk.intake.gateway;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Turns a host name into its addresses (the system's DNS in production). */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;
}
