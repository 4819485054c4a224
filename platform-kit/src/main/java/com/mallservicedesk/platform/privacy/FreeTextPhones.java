package com.mallservicedesk.platform.privacy;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phone numbers typed into free text (a description "請回電 13800001234", an answer, a note) are personal data like the
 * phone field (seed 001 篇3 §8, seed 000 §3.1.7): wherever the field is masked, so are they, the same way
 * ({@link ContactDisclosure#mask}). Found: mainland mobile numbers (11 digits from 13–19, also written 138 0000 1234 or
 * 138-0000-1234, with or without +86) and landlines with their area code set apart (0551-5112076, (0551)5112076).
 * A number must stand on its own: digits or letters right before or after (an order number, 202611261380000123456,
 * WO13800001234) mean it is part of something else and it is left whole, never half-masked. Every service applies it
 * where {@link ContactDisclosure} masks the phone field.
 */
public final class FreeTextPhones {

    private static final String NOT_AFTER = "(?<![0-9A-Za-z])(?<![0-9A-Za-z][-_])";
    private static final String NOT_BEFORE = "(?![0-9A-Za-z])(?![-_][0-9A-Za-z])";
    private static final Pattern PHONE = Pattern.compile(NOT_AFTER
            + "(?<prefix>(?:\\+|00)86[- ]?)?"
            + "(?<number>1[3-9]\\d(?:[- ]?\\d{4}){2}|0\\d{2,3}[- ]\\d{7,8}|\\(0\\d{2,3}\\) ?\\d{7,8})"
            + NOT_BEFORE);

    private FreeTextPhones() {
    }

    /** The text with every phone number in it masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.length() < 7) {
            return text;
        }
        Matcher m = PHONE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String prefix = m.group("prefix") == null ? "" : m.group("prefix");
            m.appendReplacement(out, Matcher.quoteReplacement(prefix + ContactDisclosure.mask(m.group("number").replace("(", "").replace(")", ""))));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A copy of a view record with the phone numbers in its free text masked: every text component except identifiers,
     * numbers and the phone fields themselves (masked already), in nested records and lists of records too (the
     * timeline's notes). Generic over the record's components, so text fields the view gains later are covered.
     */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R inRecord(R record) {
        return (R) copy(record);
    }

    private static Object copy(Object value) {
        if (value instanceof Record record) {
            return copyRecord(record);
        }
        if (value instanceof List<?> list && list.stream().anyMatch(e -> e instanceof Record)) {
            return list.stream().map(e -> e instanceof Record r ? copyRecord(r) : e).toList();
        }
        return value;
    }

    private static Record copyRecord(Record record) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getType();
                // Views are often package-private records of their service.
                c.getAccessor().setAccessible(true);
                Object v = c.getAccessor().invoke(record);
                if (v instanceof String s) {
                    values[i] = isFreeText(c.getName()) ? mask(s) : s;
                } else {
                    values[i] = copy(v);
                }
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return (Record) canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }

    private static boolean isFreeText(String component) {
        return !(component.equals("id") || component.endsWith("Id") || component.equals("number")
                || component.toLowerCase(Locale.ROOT).contains("phone"));
    }
}
