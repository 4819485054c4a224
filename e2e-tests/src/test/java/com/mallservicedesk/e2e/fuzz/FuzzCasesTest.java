package com.mallservicedesk.e2e.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.ApiDocumentCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The case derivation on its own, from the committed documents and without a platform: enough cases, and the same
 * cases for the same seed.
 */
class FuzzCasesTest {

    private static final List<String> SERVICES = List.of("intake-service", "dispatch-service", "callback-service",
            "claims-service", "survey-service");

    @Test
    void theCommittedDocumentsGiveAtLeastTenThousandCasesTheSameForTheSameSeed() throws Exception {
        int total = 0;
        Map<String, Integer> families = new TreeMap<>();
        for (String service : SERVICES) {
            Path file = ApiDocumentCheck.committedDocument(service);
            ApiDocument document = new ApiDocument(service, ApiDocument.JSON.readTree(Files.readString(file)));
            List<FuzzCase> first = new CaseGenerator(document, MallData.none(), 7L).generate();
            List<FuzzCase> second = new CaseGenerator(document, MallData.none(), 7L).generate();
            assertThat(first).hasSameSizeAs(second);
            for (int i = 0; i < first.size(); i++) {
                assertThat(second.get(i).target()).isEqualTo(first.get(i).target());
                assertThat(second.get(i).bytes()).isEqualTo(first.get(i).bytes());
                assertThat(second.get(i).headers()).isEqualTo(first.get(i).headers());
            }
            assertThat(first).extracting(FuzzCase::operation).containsAll(document.operations().stream()
                    .map(Operation::label).toList());
            first.forEach(c -> families.merge(c.family(), 1, Integer::sum));
            total += first.size();
        }
        System.out.println(total + " cases derived: " + families);
        assertThat(total).isGreaterThanOrEqualTo(10_000);
        assertThat(families).containsKeys("auth", "accept-language", "path-traversal", "malformed-json", "huge-body",
                "content-type", "field-missing", "field-type", "field-oversize", "field-unicode", "field-control",
                "param-type", "other-mall");
    }
}
