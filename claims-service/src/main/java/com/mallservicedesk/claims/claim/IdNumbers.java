package com.mallservicedesk.claims.claim;

/** ID numbers of the injured are personal data: shown as {@code 1101**********1234} to all but a few. */
public final class IdNumbers {

    private IdNumbers() {
    }

    /** Keeps the first four and the last four characters of a long number, fewer of a short one. */
    public static String mask(String idNumber) {
        if (idNumber == null || idNumber.isEmpty()) {
            return idNumber;
        }
        int n = idNumber.length();
        int keep = n >= 12 ? 4 : n >= 6 ? 2 : 0;
        return idNumber.substring(0, keep) + "*".repeat(n - 2 * keep) + idNumber.substring(n - keep);
    }
}
