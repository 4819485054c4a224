package com.mallservicedesk.intake.gateway;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet: not private, loopback, link-local, unique-local, multicast,
 * unspecified, shared (carrier NAT), documentation, benchmarking or reserved, and not one of those wrapped in an
 * IPv6 address (mapped, compatible, NAT64, 6to4).
 */
final class PublicAddresses {

    private PublicAddresses() {
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        return address instanceof Inet4Address ? isPublicV4(b, 0) : isPublicV6(b);
    }

    private static boolean isPublicV4(byte[] bytes, int at) {
        int a = bytes[at] & 0xff;
        int b = bytes[at + 1] & 0xff;
        int c = bytes[at + 2] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224                      // this network, private, loopback, multicast, reserved
                || (a == 100 && (b & 0xc0) == 64)                                   // 100.64.0.0/10 shared (carrier NAT)
                || (a == 169 && b == 254)                                           // link-local (cloud metadata)
                || (a == 172 && (b & 0xf0) == 16)                                   // 172.16.0.0/12
                || (a == 192 && b == 168)                                           // 192.168.0.0/16
                || (a == 192 && b == 0 && (c == 0 || c == 2))                       // IETF protocol, documentation
                || (a == 192 && b == 88 && c == 99)                                 // 6to4 relay
                || (a == 198 && (b & 0xfe) == 18)                                   // benchmarking
                || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113)); // documentation
    }

    private static boolean isPublicV6(byte[] b) {
        int first = b[0] & 0xff;
        if ((first & 0xfe) == 0xfc || first == 0xff || (first == 0xfe && (b[1] & 0xc0) != 0)) {
            return false;                                                           // unique-local, multicast, link/site-local
        }
        if (allZero(b, 0, 10) && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
            return isPublicV4(b, 12);                                               // ::a.b.c.d, ::ffff:a.b.c.d
        }
        if (first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            return isPublicV4(b, 12);                                               // 64:ff9b::/96 NAT64
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x02) {
            return isPublicV4(b, 2);                                                // 2002::/16 6to4
        }
        if (first == 0x20 && (b[1] & 0xff) == 0x01 && (((b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8)
                || (b[2] == 0 && b[3] == 0))) {
            return false;                                                           // 2001:db8::/32 documentation, Teredo
        }
        return !(first == 0x01 && b[1] == 0 && allZero(b, 2, 8));                   // 100::/64 discard
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
