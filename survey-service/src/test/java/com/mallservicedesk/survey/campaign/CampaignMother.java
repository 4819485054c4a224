package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.store.Created;
import com.mallservicedesk.survey.directory.DirectoryEntry;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Test data: a directory of two anchor stores and ten counters (one closed), and campaigns drawn from it. */
final class CampaignMother {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-08-01T02:00:00Z");

    private CampaignMother() {
    }

    static List<DirectoryEntry> directory() {
        List<DirectoryEntry> stores = new ArrayList<>();
        stores.add(store("A1", "DIRECTORY_ANCHOR", DirectoryEntry.ANCHOR_STORE, true));
        stores.add(store("A2", "DIRECTORY_ANCHOR", DirectoryEntry.ANCHOR_STORE, true));
        for (int i = 1; i <= 10; i++) {
            stores.add(store("C%02d".formatted(i), "专柜" + i, DirectoryEntry.COUNTER, i != 10));
        }
        return stores;
    }

    static DirectoryEntry store(String id, String name, String kind, boolean active) {
        return new DirectoryEntry(id, name, kind, "1F", "A", "A-" + id, active);
    }

    static SurveyCampaign.Plan plan(int sampleSize, long seed, String... typical) {
        return new SurveyCampaign.Plan(SurveyPeriod.parse("2026-H2"), SHANGHAI, sampleSize, List.of(typical),
                List.of("ENGINEERING", "SECURITY", "CLEANING"), List.of(
                new SurveyItem("ENVIRONMENT", "公共区域环境卫生", "CLEANING"),
                new SurveyItem("SECURITY", "安全秩序", "SECURITY"),
                new SurveyItem("REPAIR", "报修响应及维修质量", "ENGINEERING")),
                List.of(new SurveyItem("COOPERATION", "工作配合", "CUSTOMER_SERVICE"),
                        new SurveyItem("RESPONSE", "响应速度", "CUSTOMER_SERVICE")), seed);
    }

    static Created<SurveyCampaign> opened() {
        return SurveyCampaign.open("M001", plan(3, 42L, "C01"), directory(), "sup", NOW);
    }
}
