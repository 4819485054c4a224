package com.mallservicedesk.intake.publicarea;

/**
 * The steps of a public-area usage application (公共區域使用管理規程, seed 000 last section): submitted, reviewed with
 * the departments' opinions (§4.1), approved or rejected by the general manager's written consent (§3.2), scheduled
 * with the contractor's schedule and entry formalities (§4.2), in use under patrol inspection (§4.3), inspected at
 * completion (§4.4), with rectification where it does not conform, and closed.
 */
public enum ApplicationStatus {
    SUBMITTED, REVIEWED, APPROVED, REJECTED, SCHEDULED, IN_USE, RECTIFICATION_REQUIRED, COMPLETION_INSPECTED, CLOSED
}
