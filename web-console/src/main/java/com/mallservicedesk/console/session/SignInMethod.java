package com.mallservicedesk.console.session;

/**
 * A way to sign in that the sign-in page offers: the development users (local profile only) or the identity
 * provider (OIDC). {@code details} is what the page needs to show it.
 */
public interface SignInMethod {

    String kind();

    Object details();
}
