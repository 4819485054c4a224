package com.mallservicedesk.callback.followup;

public enum CallbackStatus {
    SCHEDULED, COMPLETED
}
