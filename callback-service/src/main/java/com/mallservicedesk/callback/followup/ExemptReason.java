package com.mallservicedesk.callback.followup;

/** Why completed work needs no callback (seed 000 §4.9: 物業內部服務可不作回訪). */
public enum ExemptReason {
    INTERNAL_SERVICE, KIND_NOT_CALLED_BACK
}
