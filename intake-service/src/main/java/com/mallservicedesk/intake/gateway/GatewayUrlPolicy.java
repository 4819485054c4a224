package com.mallservicedesk.intake.gateway;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which outbound gateway addresses the service calls. The gateway gets stores' contacts and the service calls it on
 * its own, so the address must not reach into the platform's network (SSRF): https only; a host of the platform's
 * allow-list unless the platform administrator sets it; and never an address that is not public, checked on the
 * literal address and on every address the name resolves to (again when connecting, see
 * {@link GatewayConnections}). The development switch admits a gateway on this machine, over http too.
 */
public class GatewayUrlPolicy {

    /** Field problem codes of {@code gatewayUrl}. */
    public static final String NOT_A_URL = "not-a-url";
    public static final String HTTPS_REQUIRED = "https-required";
    public static final String HOST_NOT_ALLOWED = "host-not-allowed";
    public static final String NON_PUBLIC_ADDRESS = "non-public-address";
    public static final String UNRESOLVABLE_HOST = "unresolvable-host";

    private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Set<String> allowedHosts;
    private final boolean loopbackForDevelopment;
    private final HostResolver resolver;

    public GatewayUrlPolicy(Set<String> allowedHosts, boolean loopbackForDevelopment, HostResolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(GatewayUrlPolicy::normalised).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.loopbackForDevelopment = loopbackForDevelopment;
        this.resolver = resolver;
    }

    /**
     * Why this address may not be stored as a mall's gateway, or empty if it may. Resolves the host name: call it off
     * the event loop.
     *
     * @param byPlatform set by the platform administrator, who is not bound to the allow-list
     */
    public Optional<String> refusalToStore(String url, boolean byPlatform) {
        return refusal(url, byPlatform, true);
    }

    /**
     * The exact address to call, or empty if the stored address no longer passes (it was stored before these rules,
     * or the allow-list changed). Host names are checked when the connection resolves them.
     */
    public Optional<URI> uriToCall(String url, boolean byPlatform) {
        return refusal(url, byPlatform, false).isPresent() ? Optional.empty() : Optional.ofNullable(parse(url));
    }

    /** Every address of {@code host}, or a failure if it has none or any of them is not public. */
    public InetAddress[] publicAddresses(String host) throws UnknownHostException {
        InetAddress[] addresses = resolver.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("gateway host has no address");
        }
        for (InetAddress address : addresses) {
            if (!acceptable(address)) {
                throw new NonPublicAddressException();
            }
        }
        return addresses;
    }

    /**
     * What may be shown of a gateway address: scheme, host and port. Path, query and user information may carry a
     * credential and are never shown.
     */
    public static String masked(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return "…";
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/…";
    }

    private Optional<String> refusal(String url, boolean byPlatform, boolean resolve) {
        URI uri = parse(url);
        if (uri == null) {
            return Optional.of(NOT_A_URL);
        }
        String host = normalised(uri.getHost());
        InetAddress literal = literalAddress(host);
        boolean developmentLoopback = loopbackForDevelopment
                && ("localhost".equals(host) || (literal != null && literal.isLoopbackAddress()));
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !("http".equals(scheme) && developmentLoopback)) {
            return Optional.of(HTTPS_REQUIRED);
        }
        if (!byPlatform && !developmentLoopback && !allowedHosts.contains(host)) {
            return Optional.of(HOST_NOT_ALLOWED);
        }
        if (developmentLoopback && !resolve) {
            return Optional.empty();
        }
        if (literal != null) {
            return acceptable(literal) ? Optional.empty() : Optional.of(NON_PUBLIC_ADDRESS);
        }
        if (!resolve) {
            return Optional.empty();
        }
        try {
            publicAddresses(host);
            return Optional.empty();
        } catch (NonPublicAddressException e) {
            return Optional.of(NON_PUBLIC_ADDRESS);
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.of(UNRESOLVABLE_HOST);
        }
    }

    private boolean acceptable(InetAddress address) {
        return PublicAddresses.isPublic(address) || (loopbackForDevelopment && address.isLoopbackAddress());
    }

    /**
     * The address exactly as written: a URI that parses with a scheme and a server host, or null. Never a URI
     * template, so braces and percent signs are not reinterpreted.
     */
    private static URI parse(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(url).parseServerAuthority();
            return uri.getScheme() == null || uri.getHost() == null || uri.isOpaque() ? null : uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The address of an IP literal (no lookup is made), or null for a name. */
    private static InetAddress literalAddress(String host) {
        try {
            if (host.indexOf(':') >= 0) {
                return InetAddress.getByName(host);   // a bracketed IPv6 literal the URI already parsed: no lookup
            }
            if (!IPV4_LITERAL.matcher(host).matches()) {
                return null;
            }
            String[] parts = host.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Lower case, without IPv6 brackets or a final dot: how hosts are compared. */
    private static String normalised(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
