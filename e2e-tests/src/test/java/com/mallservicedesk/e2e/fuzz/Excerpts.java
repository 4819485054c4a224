package com.mallservicedesk.e2e.fuzz;

/** Excerpts of requests and answers that print on one line whatever they contain. */
final class Excerpts {

    private Excerpts() {
    }

    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= max ? out.substring(0, max) + "…" : out.toString();
    }
}
