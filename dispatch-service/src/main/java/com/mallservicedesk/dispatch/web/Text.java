package com.mallservicedesk.dispatch.web;

/** Rules for free text in request bodies. */
public final class Text {

    /**
     * No control characters except tab, line feed and carriage return: a NUL or an escape sequence in a name or a
     * reason reaches consoles, timelines and logs, where it hides or garbles what is around it.
     */
    public static final String PLAIN = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";

    private Text() {
    }
}
