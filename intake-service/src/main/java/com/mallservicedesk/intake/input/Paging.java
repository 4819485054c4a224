package com.mallservicedesk.intake.input;

/**
 * The platform's paging convention for every list: {@code page} 0..10,000 and {@code size} 1..200; anything else is a
 * field problem. The page limit keeps a skip from walking millions of documents.
 */
public final class Paging {

    public static final int MAX_PAGE = 10_000;
    public static final int MAX_SIZE = 200;

    private Paging() {
    }

    public static InvalidFields check(int page, int size, InvalidFields invalid) {
        if (page < 0 || page > MAX_PAGE) {
            invalid.add("page", "out-of-range");
        }
        if (size < 1 || size > MAX_SIZE) {
            invalid.add("size", "out-of-range");
        }
        return invalid;
    }
}
