package com.mallservicedesk.console.session;

import java.io.Serializable;
import java.util.List;

/**
 * Who is signed in, as the token's claims say (platform contract: {@code sub}, {@code name}, {@code malls},
 * {@code roles}, {@code dept}). The console uses it only to lay out the pages; the services decide what the token
 * may do.
 */
public record ConsoleUser(String id, String name, List<String> malls, List<String> roles, String department)
        implements Serializable {

    public ConsoleUser {
        malls = malls == null ? List.of() : List.copyOf(malls);
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
