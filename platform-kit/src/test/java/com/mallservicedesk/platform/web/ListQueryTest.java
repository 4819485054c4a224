package com.mallservicedesk.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.platform.problem.FieldErrors;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;

class ListQueryTest {

    private static final SortFields SORTS = SortFields.by(Map.entry("name", "label")).byDefault("name,desc");

    private static ApiException refused(String page, String size, String sort) {
        return (ApiException) catchThrowable(() -> ListQuery.of(page, size, sort, SORTS));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(ApiException problem) {
        assertThat(problem).isNotNull();
        assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(problem.code()).isEqualTo("validation-failed");
        return (List<Map<String, Object>>) problem.properties().get("errors");
    }

    @Test
    void absentOrBlankParametersTakeTheDefaults() {
        assertThat(ListQuery.of(null, null)).isEqualTo(new ListQuery(0, 50, Sort.unsorted()));
        assertThat(ListQuery.of("", " ")).isEqualTo(new ListQuery(0, 50, Sort.unsorted()));
        assertThat(ListQuery.of(null, "20", null, SORTS))
                .isEqualTo(new ListQuery(0, 20, Sort.by(Sort.Direction.DESC, "label").and(Sort.by("_id"))));
    }

    @Test
    void theBoundsAreInclusive() {
        assertThat(ListQuery.of("10000", "200")).extracting(ListQuery::page, ListQuery::size).containsExactly(10000, 200);
        assertThat(ListQuery.of("0", "1")).extracting(ListQuery::page, ListQuery::size).containsExactly(0, 1);
        assertThat(ListQuery.of(" 3 ", "7").offset()).isEqualTo(21);
        assertThat(errors(refused("10001", "201", null))).containsExactly(
                Map.of("field", "page", "code", "out-of-range", "min", 0, "max", 10000),
                Map.of("field", "size", "code", "out-of-range", "min", 1, "max", 200));
        assertThat(errors(refused("-1", "0", null))).extracting(e -> e.get("code"))
                .containsExactly("invalid-value", "out-of-range");
    }

    @Test
    void whatIsNotAPageNumberIsReportedNotAnError() {
        for (String bad : List.of("abc", "1e3", "+1", "1.5", "０", "99999999999999999999", "2147483648")) {
            assertThat(errors(refused(bad, bad, null))).extracting(e -> e.get("field"), e -> e.get("code"))
                    .as(bad).containsExactly(tuple("page", "invalid-value"), tuple("size", "invalid-value"));
        }
    }

    @Test
    void aSortIsExactlyAListedFieldWithAnOptionalDirection() {
        for (String bad : List.of(",", "", "foo", "name,up", ",desc", "name,", "name,desc,name", " name", "name ",
                "NAME", "-name", "label", "name;desc", "\u0000")) {
            assertThat(errors(refused(null, null, bad))).as("sort=" + bad)
                    .containsExactly(Map.of("field", "sort", "code", "unsupported", "allowed", List.of("name")));
        }
        assertThat(ListQuery.of(null, null, "name", SORTS).sort())
                .isEqualTo(Sort.by("label").and(Sort.by("_id")));
        assertThat(ListQuery.of(null, null, "name,asc", SORTS).sort())
                .isEqualTo(Sort.by("label").and(Sort.by("_id")));
        assertThat(ListQuery.of(null, null, "name,DESC", SORTS).sort())
                .isEqualTo(Sort.by(Sort.Direction.DESC, "label").and(Sort.by("_id")));
    }

    @Test
    void everyWrongParameterIsNamedAtOnceAlongsideTheEndpointsOwn() {
        FieldErrors errors = new FieldErrors().add("from", "PlausibleTime");
        ListQuery query = ListQuery.of("x", "500", "up", SORTS, errors);
        assertThat(query).isEqualTo(new ListQuery(0, 50, Sort.by(Sort.Direction.DESC, "label").and(Sort.by("_id"))));
        assertThat(errors.asList()).extracting(e -> e.get("field")).containsExactly("from", "page", "size", "sort");
        assertThatThrownBy(errors::throwIfAny).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).arguments()).containsExactly(4));
    }

    @Test
    void aDefaultOrderMustItselfBeAListedOne() {
        assertThatThrownBy(() -> SortFields.by("name").byDefault("-name")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SortFields.by("_id", "name").byDefault("_id,desc").defaultOrder())
                .isEqualTo(Sort.by(Sort.Direction.DESC, "_id"));
    }

    @Test
    void pagesAndSlices() {
        ListQuery second = ListQuery.of("1", "2");
        assertThat(second.page(List.of("c", "d"), 5)).isEqualTo(new PageView<>(List.of("c", "d"), 1, 2, 5));
        assertThat(second.slice(List.of("a", "b", "c"))).isEqualTo(new PageView<>(List.of("c"), 1, 2, 3));
        assertThat(ListQuery.of("9", "2").slice(List.of("a"))).isEqualTo(new PageView<>(List.of(), 9, 2, 1));
        assertThat(second.hasNext(5)).isTrue();
        assertThat(second.hasNext(4)).isFalse();
        assertThat(ListQuery.of("10000", "1").hasNext(1_000_000)).isFalse();
    }
}
