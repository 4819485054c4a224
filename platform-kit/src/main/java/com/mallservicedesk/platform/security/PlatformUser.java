package com.mallservicedesk.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller, as the contract's JWT claims describe them. Controllers take it as a parameter. */
public record PlatformUser(String id, String name, Set<String> malls, Set<Role> roles, String department) {

    public static final String ALL_MALLS = "*";

    public static PlatformUser from(Jwt jwt) {
        List<String> malls = jwt.getClaimAsStringList("malls");
        List<String> roles = jwt.getClaimAsStringList("roles");
        String name = jwt.getClaimAsString("name");
        return new PlatformUser(jwt.getSubject(), name == null ? jwt.getSubject() : name,
                malls == null ? Set.of() : Set.copyOf(malls),
                roles == null ? Set.of() : roles.stream().flatMap(PlatformUser::knownRole).collect(Collectors.toUnmodifiableSet()),
                jwt.getClaimAsString("dept"));
    }

    public boolean mayActIn(String mallId) {
        return malls.contains(ALL_MALLS) || malls.contains(mallId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    private static java.util.stream.Stream<Role> knownRole(String value) {
        try {
            return java.util.stream.Stream.of(Role.valueOf(value));
        } catch (IllegalArgumentException unknown) {
            return java.util.stream.Stream.empty();
        }
    }
}
