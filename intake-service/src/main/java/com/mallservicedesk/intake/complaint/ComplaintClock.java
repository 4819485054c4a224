package com.mallservicedesk.intake.complaint;

/** The clocks of the complaint register (投訴處理登記表), each a durable timer in the mall's desk hours. */
public enum ComplaintClock {
    /** From receipt: the complaint reaches the CS supervisor within the mall's limit of desk time (seed 003 §2). */
    HANDOVER,
    /** From the hand-over: the department investigates within the mall's working days (seed 003 §2). */
    INVESTIGATION,
    /** From receipt: the customer hears back within the mall's working days (seed 004 品質監控). */
    FEEDBACK
}
