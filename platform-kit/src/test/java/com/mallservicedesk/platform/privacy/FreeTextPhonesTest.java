package com.mallservicedesk.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding and masking phone numbers typed into free text (seed 001 篇3 §8, seed 000 §3.1.7). */
class FreeTextPhonesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @DisplayName("seed 001 篇3 §8: numbers in free text are masked like the phone field")
    @CsvSource(delimiter = '|', textBlock = """
            請回電13800001234謝謝            | 請回電138****1234謝謝
            tel:13800001234                 | tel:138****1234
            13800001234                     | 138****1234
            138 0000 1234 王小姐             | 138****1234 王小姐
            138-0000-1234                   | 138****1234
            +86 13800001234                 | +86 138****1234
            +8613800001234                  | +86138****1234
            13800001234和13900002222都可以    | 138****1234和139****2222都可以
            13800001234/13900002222         | 138****1234/139****2222
            報警電話0551-5112076             | 報警電話055****2076
            派出所 (0551)5112076             | 派出所 055****2076
            派出所(0551) 5112076             | 派出所055****2076
            """)
    void numbersAreMasked(String text, String masked) {
        assertThat(FreeTextPhones.mask(text)).isEqualTo(masked);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("seed 001 篇3 §8: order numbers, long digit runs, dates and amounts are not phones and are never half-masked")
    @CsvSource(delimiter = '|', textBlock = """
            訂單號 202611261380000123456
            單號 12345678901234
            WO13800001234
            M001-20261126-0001
            wo-13800001234
            13800001234-7
            單號13800001234A
            2026-11-26 10:00 停電
            金額 1380000.50 元
            1380000123
            138****1234
            12800001234
            """)
    void thingsThatAreNotPhonesStay(String text) {
        assertThat(FreeTextPhones.mask(text)).isEqualTo(text);
    }

    @Test
    @DisplayName("seed 001 篇3 §8: a view's free text is masked, its identifiers and numbers are not")
    void aRecordsFreeTextIsMaskedAndItsIdsAreNot() {
        record Note(String id, String note) {
        }
        record View(String id, String number, String description, String phone, List<Note> notes, Instant at) {
        }
        var view = new View("13800001234", "13800001234", "請回電 13900002222", "137****0000",
                List.of(new Note("n1", "客人改號 13600003333")), Instant.EPOCH);

        var masked = FreeTextPhones.inRecord(view);

        assertThat(masked).isEqualTo(new View("13800001234", "13800001234", "請回電 139****2222", "137****0000",
                List.of(new Note("n1", "客人改號 136****3333")), Instant.EPOCH));
        assertThat(FreeTextPhones.mask(null)).isNull();
    }
}
