package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store's log tells how large its file is, how much of it is live, and the commits and reads since it last told. */
class StoreFileReportTest {

    private static final Pattern READ = Pattern.compile("([0-9.,]+) MB read since the last report");

    @TempDir
    Path home;

    @Test
    void tellsTheFilesSizeAndTheReadsSinceTheLastReportOnly() {
        Path file = home.resolve("store.mv");
        try (MVStore writer = new MVStore.Builder().fileName(file.toString()).open()) {
            MVMap<Integer, String> map = writer.openMap("data");
            for (int i = 0; i < 2_000; i++) {
                map.put(i, "漏水".repeat(200) + i);
            }
            writer.commit();
        }
        try (MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(1).open()) {
            StoreFileReport report = new StoreFileReport(store);
            MVMap<Integer, String> map = store.openMap("data");
            for (int i = 0; i < 2_000; i++) {
                assertThat(map.get(i)).endsWith(String.valueOf(i));
            }

            String first = report.line();
            String second = report.line();

            assertThat(first).startsWith("Store file: ").contains(" % of the chunks live").contains(" of 1 MB");
            assertThat(megabytesRead(first)).isGreaterThan(0.5);
            assertThat(megabytesRead(second)).isZero();
        }
    }

    @Test
    void countsTheCommitsSinceTheLastReport() {
        try (MVStore store = new MVStore.Builder().fileName(home.resolve("commits.mv").toString()).autoCommitDisabled()
                .open()) {
            StoreFileReport report = new StoreFileReport(store);
            MVMap<Integer, String> map = store.openMap("data");
            for (int i = 0; i < 3; i++) {
                map.put(i, "漏水" + i);
                store.commit();
            }

            assertThat(report.line()).contains(", 3 commits and ");
            assertThat(report.line()).contains(", 0 commits and ");
        }
    }

    private static double megabytesRead(String line) {
        Matcher read = READ.matcher(line);
        assertThat(read.find()).as(line).isTrue();
        return Double.parseDouble(read.group(1).replace(",", ""));
    }
}
