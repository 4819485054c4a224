package com.mallservicedesk.intake.complaint;

/**
 * Where a complaint register stands: the steps of seed 003 §2 (客戶投訴處理流程) and seed 000 §4.3 (投訴回訪), in order.
 */
public enum ComplaintStage {
    /** Received; the front desk passes it to the CS supervisor within the limit (seed 003 §2). */
    AWAITING_HANDOVER,
    /** With the supervisor; the responsible department investigates (seed 003 §2, seed 000 §4.3.2–4.3.3). */
    INVESTIGATING,
    /** The department's result is in; the supervisor reviews it before the customer is answered (seed 003 §2). */
    AWAITING_REVIEW,
    /** Reviewed; the front desk gives the customer feedback (seed 003 §2, seed 004 品質監控, seed 000 §4.3.4). */
    AWAITING_FEEDBACK,
    /** The customer has been answered; the conclusion goes to the supervisor and is filed (seed 000 §4.3.6). */
    AWAITING_CONCLUSION,
    /** Concluded and filed. */
    CONCLUDED,
    /** The complaint was cancelled or merged into another request: nothing more to do here. */
    WITHDRAWN
}
