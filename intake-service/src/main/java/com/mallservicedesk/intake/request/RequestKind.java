package com.mallservicedesk.intake.request;

/** What the contact is about; INCIDENT opens an insurance claim (seed 000 §第三條). */
public enum RequestKind {
    CONSULTATION, COMPLAINT, REPAIR, SUGGESTION, HELP, INCIDENT
}
