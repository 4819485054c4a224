package com.mallservicedesk.platform.security;

/** The roles of the platform contract's {@code roles} claim. */
public enum Role {
    FRONT_DESK, DEPT_STAFF, SUPERVISOR, MANAGER, PLATFORM_ADMIN
}
