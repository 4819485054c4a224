package com.mallservicedesk.dispatch.console;

import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.security.PlatformUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Applies the kit's phone-number rule to what a console shows. The stored console events carry what producers put
 * in their events (customers' contacts are left out when stored, but an escalation or a later field may still name a
 * phone), so every value under a key that names a phone is shown in full only to the front desk and to the staff of
 * the department handling the order ({@code department} of the event), masked to everyone else.
 */
final class PhoneMasking {

    private PhoneMasking() {
    }

    static Map<String, Object> forViewer(Map<String, Object> data, PlatformUser viewer) {
        if (data == null) {
            return null;
        }
        Object department = data.get("department");
        boolean full = ContactDisclosure.showsFullNumbers(viewer, department == null ? null : department.toString());
        return full ? data : masked(data);
    }

    private static Map<String, Object> masked(Map<?, ?> data) {
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((key, value) -> copy.put(String.valueOf(key), masked(value, names(key))));
        return copy;
    }

    /** @param phone whether the value sits under a key that names a phone */
    private static Object masked(Object value, boolean phone) {
        if (value instanceof String text) {
            return phone ? ContactDisclosure.mask(text) : text;
        }
        if (value instanceof Map<?, ?> map) {
            return masked(map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> masked(element, phone)).toList();
        }
        return value;
    }

    private static boolean names(Object key) {
        String name = String.valueOf(key).toLowerCase(Locale.ROOT);
        return name.contains("phone") || name.contains("mobile");
    }
}
