package com.mallservicedesk.intake.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.intake.IntakeIntegrationTest;
import com.mallservicedesk.platform.store.LayoutConversion;
import com.mallservicedesk.platform.test.TestTokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The tenant directory read as the mall's range of {@value Tenant#DIRECTORY_KEY}: the list and a notice's recipients
 * answer as the query on the mall's stores did, never with another mall's, and stores registered before the key get it
 * once.
 */
class DirectoryByKeyTest extends IntakeIntegrationTest {

    @Autowired
    TenantDirectory directory;

    @Autowired
    TenantDirectoryKeys directoryKeys;

    private final String mall = newMall();
    private final String otherMall = newMall();

    @Test
    void theListAndANoticesRecipientsAnswerAsTheQueryOnTheMallsStores() {
        register(mall, "屈臣氏", "COUNTER", "1F", "C", "C-3", true);
        register(mall, "周大福", "COUNTER", "1F", "B", null, true);
        register(mall, "優衣庫", "ANCHOR_STORE", "2F", "A", "A-201", true);
        register(mall, "星巴克", "COUNTER", "1F", "B", "B-101", false);
        register(mall, "海底撈", "ANCHOR_STORE", "B1", "A", "A-1", true);
        register(mall, "Zara", "ANCHOR_STORE", "1F", "B", "B-101", true);
        register(otherMall, "周大福", "COUNTER", "1F", "B", null, true);

        for (String filter : List.of("", "?floor=1F", "?zone=B", "?kind=COUNTER", "?active=true", "?active=false",
                "?floor=1F&zone=B&active=true", "?size=2&page=1", "?floor=9F")) {
            assertThat(listed(filter)).as(filter).extracting(t -> t.get("id")).isEqualTo(queried(filter));
        }
        assertThat(listed("?size=2&page=1")).hasSize(2);
        assertThat(get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants?floor=1F", mall).expectStatus().isOk()
                .expectBody(MAP).returnResult().getResponseBody()).containsEntry("total", 4);

        // A notice to 1F zone B: the active stores there, by id; never the inactive one or another mall's.
        List<String> reached = directory.affectedBy(mall, List.of("1F"), List.of("B")).map(Tenant::getName)
                .collectList().block();
        assertThat(reached).containsExactlyInAnyOrder("周大福", "Zara");
        assertThat(directory.affectedBy(mall, List.of(), List.of()).map(Tenant::getId).collectList().block())
                .hasSize(5).isSorted();
    }

    @Test
    void storesRegisteredBeforeTheKeyAreGivenItOnce() {
        String before = register(mall, "無印良品", "COUNTER", "3F", "A", "A-301", true);
        register(mall, "誠品", "ANCHOR_STORE", "3F", "B", "B-301", true);
        // As stored before stores kept their place in the directory.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(before)), new Update().unset(Tenant.DIRECTORY_KEY),
                "tenants").block();
        assertThat(listed("")).extracting(t -> t.get("name")).containsExactly("誠品");

        mongo.remove(Query.query(Criteria.where("_id").is(TenantDirectoryKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(directoryKeys.convert().block()).isGreaterThanOrEqualTo(1);
        assertThat(directoryKeys.convert().block()).isZero();
        mongo.remove(Query.query(Criteria.where("_id").is(TenantDirectoryKeys.NAME)), LayoutConversion.DONE).block();
        assertThat(directoryKeys.convert().block()).isZero();

        assertThat(mongo.findById(before, Document.class, "tenants").block().getString(Tenant.DIRECTORY_KEY))
                .startsWith(mall + "|").endsWith("|" + before);
        assertThat(listed("")).extracting(t -> t.get("name")).containsExactly("無印良品", "誠品");
        assertThat(directory.affectedBy(mall, List.of("3F"), List.of("A")).map(Tenant::getId).collectList().block())
                .containsExactly(before);
    }

    private String register(String mallId, String name, String kind, String floor, String zone, String unit,
                            boolean active) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "kind", kind, "floor", floor, "zone", zone,
                "active", active));
        if (unit != null) {
            body.put("unit", unit);
        }
        return (String) post(TestTokens.frontDesk(mallId), "/api/v1/malls/{mall}/tenants", body, mallId)
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody().get("id");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listed(String filter) {
        return (List<Map<String, Object>>) get(TestTokens.frontDesk(mall), "/api/v1/malls/{mall}/tenants" + filter, mall)
                .expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody().get("items");
    }

    /** The ids the list gave before it read by key: a query on the mall's stores, sorted and paged by the store. */
    private List<Object> queried(String filter) {
        Criteria criteria = Criteria.where("mallId").is(mall);
        int page = 0;
        int size = 50;
        for (String pair : filter.isEmpty() ? new String[0] : filter.substring(1).split("&")) {
            String[] kv = pair.split("=");
            switch (kv[0]) {
                case "page" -> page = Integer.parseInt(kv[1]);
                case "size" -> size = Integer.parseInt(kv[1]);
                case "active" -> criteria = criteria.and("active").is(Boolean.parseBoolean(kv[1]));
                default -> criteria = criteria.and(kv[0]).is(kv[1]);
            }
        }
        return mongo.find(Query.query(criteria).with(Sort.by("floor", "zone", "unit", "name", "_id"))
                        .skip((long) page * size).limit(size), Document.class, "tenants")
                .map(d -> (Object) d.getString("_id")).collectList().block();
    }
}
