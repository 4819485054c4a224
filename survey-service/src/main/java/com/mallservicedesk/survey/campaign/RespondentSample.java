package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.problem.ApiException;
import com.mallservicedesk.survey.directory.DirectoryEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * Draws form A's respondents from the tenant directory (seed 000 §顧客滿意度調查規程 4.2 a): every active anchor store,
 * the named typical counters, and {@code sampleSize} of the other active counters drawn at random. The draw shuffles
 * the candidates in tenant-id order with the campaign's seed, so the same directory and seed give the same sample.
 */
final class RespondentSample {

    private RespondentSample() {
    }

    static List<Respondent> formA(List<DirectoryEntry> stores, List<String> typicalTenants, int sampleSize, long seed) {
        Map<String, DirectoryEntry> byId = stores.stream()
                .collect(Collectors.toMap(DirectoryEntry::tenantId, Function.identity(), (a, b) -> a));
        List<Respondent> respondents = new ArrayList<>();
        stores.stream().filter(DirectoryEntry::active).filter(DirectoryEntry::anchorStore)
                .sorted(Comparator.comparing(DirectoryEntry::tenantId))
                .forEach(s -> respondents.add(new Respondent(s.tenantId(), s.name(), RespondentGroup.ANCHOR_STORE)));
        var typical = new LinkedHashSet<>(typicalTenants == null ? List.<String>of() : typicalTenants);
        for (String id : typical) {
            DirectoryEntry store = byId.get(id);
            if (store == null || !store.active()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "survey-typical-tenant-unknown", id);
            }
            if (store.counter()) {
                respondents.add(new Respondent(id, store.name(), RespondentGroup.TYPICAL_COUNTER));
            }
        }
        List<DirectoryEntry> candidates = new ArrayList<>(stores.stream()
                .filter(DirectoryEntry::active).filter(DirectoryEntry::counter)
                .filter(s -> !typical.contains(s.tenantId()))
                .sorted(Comparator.comparing(DirectoryEntry::tenantId))
                .toList());
        Collections.shuffle(candidates, new Random(seed));
        candidates.stream().limit(Math.max(0, sampleSize))
                .sorted(Comparator.comparing(DirectoryEntry::tenantId))
                .forEach(s -> respondents.add(new Respondent(s.tenantId(), s.name(), RespondentGroup.SAMPLED_COUNTER)));
        return respondents;
    }

    static List<Respondent> formB(List<String> departments) {
        return departments.stream().distinct()
                .map(code -> new Respondent(code, code, RespondentGroup.DEPARTMENT)).toList();
    }
}
