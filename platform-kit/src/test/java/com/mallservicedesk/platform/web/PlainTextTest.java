package com.mallservicedesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.problem.FieldErrors;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

class PlainTextTest {

    record Note(@PlainText String name, @PlainText(multiline = true) String text) {
    }

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private static Set<String> wrong(String name, String text) {
        Set<ConstraintViolation<Note>> violations = VALIDATOR.validate(new Note(name, text));
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }

    @Test
    void readableTextInAnyScriptPasses() {
        assertThat(wrong("王小姐 Café 😀", "三樓洗手間漏水\n第二行\r\n\t縮進")).isEmpty();
        assertThat(wrong(null, null)).isEmpty();
    }

    @Test
    void controlCharactersAreRefusedAndLineBreaksOnlyWhereTheFieldAllowsThem() {
        assertThat(wrong("a\u0000", "b\u001b[31m")).containsExactlyInAnyOrder("name", "text");
        assertThat(wrong("bell\u0007", "c1 \u0085")).containsExactlyInAnyOrder("name", "text");
        assertThat(wrong("two\nlines", "two\nlines")).containsExactly("name");
        assertThat(wrong("tab\t", "del\u007f")).containsExactlyInAnyOrder("name", "text");
    }

    @Test
    void brokenSurrogatePairsAreRefused() {
        assertThat(wrong("\uD83D", "x\uDE00y")).containsExactlyInAnyOrder("name", "text");
    }

    @Test
    void queryParametersAreCheckedTheSameWay() {
        FieldErrors errors = new FieldErrors();
        QueryParameters.text(errors, "q", "漏水", 10);
        QueryParameters.text(errors, "floor", "1F\u0000", 10);
        QueryParameters.text(errors, "zone", "x".repeat(11), 10);
        QueryParameters.text(errors, "unit", null, 10);
        assertThat(errors.asList()).extracting(e -> e.get("field") + ":" + e.get("code"))
                .containsExactly("floor:PlainText", "zone:Size");
    }
}
