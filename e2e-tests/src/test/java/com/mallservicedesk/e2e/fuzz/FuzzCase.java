package com.mallservicedesk.e2e.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One request the fuzzer sends. {@code target} is the path and query as they go on the wire (already encoded);
 * {@code headers} are sent as given (a null value: the header is left out). The body is made when the case is sent
 * (null: no body): seventeen thousand cases with megabyte bodies would not fit in a test JVM's heap.
 */
public record FuzzCase(int number, String service, String operation, String family, String label, String method,
                       String target, Map<String, String> headers, Supplier<byte[]> body, boolean checkLeaks) {

    public FuzzCase numbered(int number) {
        return new FuzzCase(number, service, operation, family, label, method, target, headers, body, checkLeaks);
    }

    /** A short, readable excerpt of the body for failure reports. */
    public String bodyExcerpt(int max) {
        byte[] bytes = bytes();
        if (bytes.length == 0) {
            return "";
        }
        String text = new String(bytes, 0, Math.min(bytes.length, max * 4), StandardCharsets.UTF_8);
        String excerpt = Excerpts.printable(text, max);
        return bytes.length > max ? excerpt + " …(" + bytes.length + " bytes)" : excerpt;
    }

    public byte[] bytes() {
        return body == null ? new byte[0] : body.get();
    }

    public String requestText() {
        return target + " " + headers + " " + new String(bytes(), StandardCharsets.UTF_8);
    }
}
