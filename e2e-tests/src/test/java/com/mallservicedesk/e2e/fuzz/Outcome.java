package com.mallservicedesk.e2e.fuzz;

import java.util.List;

/**
 * What the platform answered to one case and the verdict: status (0 when nothing came back), content type, the
 * start of the body, the time, and the failures found (empty: the answer was right). Answers are judged when they
 * arrive and only an excerpt is kept.
 */
public record Outcome(FuzzCase fuzzCase, int status, String contentType, String excerpt, long millis, String error,
                      List<String> failures, String leaked) {

    public boolean answered() {
        return status > 0;
    }
}
