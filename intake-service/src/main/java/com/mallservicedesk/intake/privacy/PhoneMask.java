package com.mallservicedesk.intake.privacy;

/**
 * Customer details are disclosed only where needed (seed 001 篇3 §8, seed 000 §3.1.7): a masked number
 * keeps enough to recognise it ({@code 138****0000}) and nothing to call it.
 */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String compact = phone.replace(" ", "");
        if (compact.length() >= 8) {
            return compact.substring(0, 3) + "****" + compact.substring(compact.length() - 4);
        }
        return "****";
    }
}
