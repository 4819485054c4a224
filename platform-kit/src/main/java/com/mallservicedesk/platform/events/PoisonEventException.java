package com.mallservicedesk.platform.events;

/** A record that can never be processed, however often it is retried: it goes straight to the DLT. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
