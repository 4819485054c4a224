package com.mallservicedesk.console.development;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The development users the local sign-in page lists, and how their tokens are minted (local profile only).
 *
 * @param secret        the development secret the services check tokens against ({@code PLATFORM_JWT_SECRET})
 * @param tokenValidity how long a development token, and so the session, lives
 * @param malls         the malls of every user that names none of its own
 * @param users         the users to pick from
 */
@ConfigurationProperties("console.development")
public record DevelopmentProperties(String secret, @DefaultValue("PT8H") Duration tokenValidity,
                                    @DefaultValue("M001,M002") List<String> malls, List<User> users) {

    public DevelopmentProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One user to pick; {@code department} for department staff. */
    public record User(String id, String name, List<String> roles, String department, List<String> malls) {
    }
}
