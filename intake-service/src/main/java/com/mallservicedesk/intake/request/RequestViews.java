package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.privacy.ContactDisclosure;
import com.mallservicedesk.platform.privacy.FreeTextPhones;
import com.mallservicedesk.platform.security.PlatformUser;
import com.mallservicedesk.platform.security.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Builds request views with the handling department each needs for the phone rule: the department of the request's
 * current work order as intake learned it from dispatch's events; for a merged duplicate, whose work the parent
 * carries, the parent's. Parents are read by id, and only for department staff, the one role the department decides
 * for.
 */
@Component
class RequestViews {

    private final ReactiveMongoTemplate mongo;

    RequestViews(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<RequestView> of(ServiceRequest request, PlatformUser viewer) {
        return of(List.of(request), viewer).map(views -> views.get(0));
    }

    Mono<List<RequestView>> of(List<ServiceRequest> requests, PlatformUser viewer) {
        Set<String> parents = viewer.has(Role.DEPT_STAFF)
                ? requests.stream().map(ServiceRequest::getMergedInto).filter(p -> p != null).collect(Collectors.toSet())
                : Set.of();
        Mono<HashMap<String, String>> parentDepartments = parents.isEmpty() ? Mono.just(new HashMap<>())
                : mongo.find(Query.query(Criteria.where("_id").in(parents)), Document.class, "requests")
                        .collect(HashMap<String, String>::new, (map, parent) -> map.put(
                                parent.getString("mallId") + "/" + parent.getString("_id"), parent.getString("department")));
        return parentDepartments.map(departments -> requests.stream()
                .map(r -> maskedWherePhonesAre(viewer, r.getMergedInto() == null ? r.getDepartment()
                        : departments.get(r.getMallId() + "/" + r.getMergedInto()), r))
                .toList());
    }

    /** Numbers typed into the free text are masked for exactly the viewers who see the phone field masked. */
    private static RequestView maskedWherePhonesAre(PlatformUser viewer, String handlingDepartment, ServiceRequest r) {
        RequestView view = RequestView.of(r, viewer, handlingDepartment);
        return ContactDisclosure.showsFullNumbers(viewer, handlingDepartment) ? view : FreeTextPhones.inRecord(view);
    }
}
