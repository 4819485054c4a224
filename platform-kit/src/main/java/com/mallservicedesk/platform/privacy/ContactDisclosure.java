package com.mallservicedesk.platform.privacy;

import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;

/**
 * The one rule for customers' and reporters' phone numbers in every service, view and stream: customer details
 * are disclosed only to those who must contact the person (seed 001 篇3 §8, seed 000 §3.1.7). That is the front
 * desk, which registers and calls back, and the staff of the department that handles the order. Everyone else,
 * supervisors, managers and platform operators included, sees a masked number ({@code 138****0000}) that is
 * enough to recognise it and not to call it.
 */
public final class ContactDisclosure {

    private ContactDisclosure() {
    }

    /**
     * @param handlingDepartment the department code of the order the number belongs to, or null where no
     *                           department handles it (then only the front desk sees it in full)
     */
    public static boolean showsFullNumbers(PlatformUser user, String handlingDepartment) {
        if (user.has(Role.FRONT_DESK)) {
            return true;
        }
        return user.has(Role.DEPT_STAFF) && handlingDepartment != null && handlingDepartment.equals(user.department());
    }

    /** The number as {@code user} may see it. */
    public static String phoneFor(PlatformUser user, String handlingDepartment, String phone) {
        return showsFullNumbers(user, handlingDepartment) ? phone : mask(phone);
    }

    /** Keeps the first three and last four digits; short numbers are hidden entirely. */
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
