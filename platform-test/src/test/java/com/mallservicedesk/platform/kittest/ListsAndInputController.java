package com.mallservicedesk.platform.kittest;

import com.mallservicedesk.platform.web.ListQuery;
import com.mallservicedesk.platform.web.PageView;
import com.mallservicedesk.platform.web.PlainText;
import com.mallservicedesk.platform.web.PlausibleTime;
import com.mallservicedesk.platform.web.SortFields;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A list and a body written the way every service writes them with the kit's list and input classes. */
@RestController
@RequestMapping("/api/v1/malls/{mallId}")
@PreAuthorize("hasAnyRole('FRONT_DESK', 'SUPERVISOR')")
class ListsAndInputController {

    private static final SortFields SORTS = SortFields.by(Map.entry("label", "label"), Map.entry("id", "_id"))
            .byDefault("label");

    record ParcelItem(String id, String label) {
    }

    record Remark(@PlainText String title, @PlainText(multiline = true) String text, @PlausibleTime Instant at,
                  @PlausibleTime OffsetDateTime local, @PlausibleTime LocalDate day) {
    }

    private final ReactiveMongoTemplate mongo;

    ListsAndInputController(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/parcels")
    Mono<PageView<ParcelItem>> list(@PathVariable String mallId, @RequestParam(defaultValue = "0") String page,
                                    @RequestParam(defaultValue = "20") String size,
                                    @RequestParam(required = false) String sort) {
        ListQuery list = ListQuery.of(page, size, sort, SORTS);
        Query query = Query.query(Criteria.where("mallId").is(mallId));
        var items = mongo.find(Query.of(query).with(list.sort()).skip(list.offset()).limit(list.size()), Parcel.class)
                .map(parcel -> new ParcelItem(parcel.getId(), parcel.getLabel())).collectList();
        return Mono.zip(items, mongo.count(query, Parcel.class)).map(found -> list.page(found.getT1(), found.getT2()));
    }

    @PostMapping("/remarks")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> remark(@PathVariable String mallId, @Valid @RequestBody Remark remark) {
        return Mono.empty();
    }
}
