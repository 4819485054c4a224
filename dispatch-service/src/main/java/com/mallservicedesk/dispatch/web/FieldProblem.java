package com.mallservicedesk.dispatch.web;

import com.mallservicedesk.platform.problem.ApiException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/** One wrong field of a request, as the problem's {@code errors[]} lists it: the field's path and a stable code. */
public record FieldProblem(String field, String code) {

    Map<String, Object> asError() {
        return Map.of("field", field, "code", code);
    }

    /** A problem naming every wrong field; the detail's {0} is the list of field names. */
    public static ApiException problem(HttpStatus status, String code, List<FieldProblem> problems, Object... arguments) {
        Object[] withFields = new Object[arguments.length + 1];
        withFields[0] = problems.stream().map(FieldProblem::field).distinct().collect(Collectors.joining(", "));
        System.arraycopy(arguments, 0, withFields, 1, arguments.length);
        return new ApiException(status, code, Map.of("errors", problems.stream().map(FieldProblem::asError).toList()),
                withFields);
    }
}
