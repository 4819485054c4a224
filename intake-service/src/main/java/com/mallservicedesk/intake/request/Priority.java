package com.mallservicedesk.intake.request;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
