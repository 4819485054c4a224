package com.mallservicedesk.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.calendar.WorkingCalendar.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import tools.jackson.databind.json.JsonMapper;

class WorkingCalendarTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static OpeningHours shift(String open, String close) {
        return new OpeningHours(LocalTime.parse(open), LocalTime.parse(close));
    }

    /** Test-data builder: weekdays with one shift, then holidays and make-up days. */
    private static final class Calendar {
        private final Map<DayOfWeek, OpeningHours> hours = new EnumMap<>(DayOfWeek.class);
        private Set<LocalDate> holidays = Set.of();
        private Map<LocalDate, OpeningHours> makeUpDays = Map.of();

        static Calendar weekdays(String open, String close) {
            Calendar calendar = new Calendar();
            for (DayOfWeek day : new DayOfWeek[] {DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                    DayOfWeek.THURSDAY, DayOfWeek.FRIDAY}) {
                calendar.hours.put(day, shift(open, close));
            }
            return calendar;
        }

        Calendar holidays(String... dates) {
            holidays = Set.of(java.util.Arrays.stream(dates).map(LocalDate::parse).toArray(LocalDate[]::new));
            return this;
        }

        Calendar makeUpDay(String date, String open, String close) {
            makeUpDays = Map.of(LocalDate.parse(date), shift(open, close));
            return this;
        }

        WorkingCalendar build() {
            return new WorkingCalendar(SHANGHAI, false, hours, holidays, makeUpDays);
        }
    }

    @Nested
    @DisplayName("weekly hours")
    class WeeklyHours {

        private final WorkingCalendar frontDesk = Calendar.weekdays("10:00", "22:00").build();

        @Test
        void aDeadlineThatCrossesClosingTimeContinuesWhenTheDeskOpensAgain() {
            // Tuesday 21:50 + 30 working minutes: 10 minutes today, 20 minutes on Wednesday from 10:00.
            assertThat(frontDesk.addWorkingTime(at("2026-11-24T21:50"), Duration.ofMinutes(30)))
                    .isEqualTo(at("2026-11-25T10:20"));
        }

        @Test
        void timeBeforeOpeningStartsCountingAtOpening() {
            assertThat(frontDesk.addWorkingTime(at("2026-11-24T07:00"), Duration.ofMinutes(15)))
                    .isEqualTo(at("2026-11-24T10:15"));
            assertThat(frontDesk.nextOpening(at("2026-11-24T07:00"))).isEqualTo(at("2026-11-24T10:00"));
            assertThat(frontDesk.nextOpening(at("2026-11-24T12:00"))).isEqualTo(at("2026-11-24T12:00"));
        }

        @Test
        void theWeekendIsSkipped() {
            assertThat(frontDesk.addWorkingTime(at("2026-11-27T21:00"), Duration.ofHours(2)))
                    .isEqualTo(at("2026-11-30T11:00"));
            assertThat(frontDesk.endOfWorkingDay(at("2026-11-28T12:00"))).isEqualTo(at("2026-11-30T22:00"));
            assertThat(frontDesk.isOpen(at("2026-11-28T12:00"))).isFalse();
        }

        @Test
        @DisplayName("within X working days ends at the close of the X-th working day after the start's day (seed 003 §2)")
        void workingDaysCountOnlyDaysWithAShift() {
            // Friday + 1 working day: Monday's close.
            assertThat(frontDesk.addWorkingDays(at("2026-11-27T15:00"), 1)).isEqualTo(at("2026-11-30T22:00"));
            assertThat(frontDesk.addWorkingDays(at("2026-11-27T15:00"), 0)).isEqualTo(at("2026-11-27T22:00"));
        }
    }

    @Nested
    @DisplayName("holidays and make-up days (调休)")
    class HolidaysAndMakeUpDays {

        // National Day week 2026: 1–7 October off, Saturday 10 October worked instead.
        private final WorkingCalendar desk = Calendar.weekdays("09:00", "18:00")
                .holidays("2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07")
                .makeUpDay("2026-10-10", "09:00", "18:00").build();

        @Test
        void noShiftStartsOnAHoliday() {
            assertThat(desk.isOpen(at("2026-10-05T10:00"))).isFalse();
            assertThat(desk.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
            // Wednesday 30 September 17:30 + 1 working hour: 30 minutes, then 8 October 09:30.
            assertThat(desk.addWorkingTime(at("2026-09-30T17:30"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-10-08T09:30"));
        }

        @Test
        void aMakeUpSaturdayIsAWorkingDay() {
            assertThat(desk.isOpen(at("2026-10-10T10:00"))).isTrue();
            // Friday 9 October + 1 working day: the make-up Saturday, not Monday.
            assertThat(desk.addWorkingDays(at("2026-10-09T12:00"), 1)).isEqualTo(at("2026-10-10T18:00"));
        }

        @Test
        void aHolidayAndAMakeUpDayOnTheSameDateIsRefused() {
            WorkingCalendar both = Calendar.weekdays("09:00", "18:00").holidays("2026-10-10")
                    .makeUpDay("2026-10-10", "09:00", "18:00").build();
            assertThat(both.problems("deskHours").asList())
                    .extracting(error -> error.get("field") + ":" + error.get("code"))
                    .containsExactly("deskHours.makeUpDays.2026-10-10:also-a-holiday");
        }
    }

    @Nested
    @DisplayName("shifts past midnight")
    class NightShifts {

        // Security's night shift: 22:00 to 06:00 the next morning, Monday to Friday nights.
        private final WorkingCalendar nights = Calendar.weekdays("22:00", "06:00").build();

        @Test
        void theShiftCoversTheEarlyHoursOfTheNextDay() {
            assertThat(nights.isOpen(at("2026-11-24T23:00"))).isTrue();
            assertThat(nights.isOpen(at("2026-11-25T05:59"))).isTrue();
            assertThat(nights.isOpen(at("2026-11-25T06:00"))).isFalse();
            // Friday's shift ends Saturday 06:00; Saturday night is off.
            assertThat(nights.isOpen(at("2026-11-28T03:00"))).isTrue();
            assertThat(nights.isOpen(at("2026-11-28T23:00"))).isFalse();
        }

        @Test
        void workingTimeRunsThroughMidnightAndResumesTheNextNight() {
            assertThat(nights.addWorkingTime(at("2026-11-24T23:30"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-11-25T00:30"));
            // Wednesday 05:30 + 1 h: 30 minutes until 06:00, then 30 minutes from 22:00.
            assertThat(nights.addWorkingTime(at("2026-11-25T05:30"), Duration.ofHours(1)))
                    .isEqualTo(at("2026-11-25T22:30"));
            assertThat(nights.endOfWorkingDay(at("2026-11-25T02:00"))).isEqualTo(at("2026-11-25T06:00"));
        }

        @Test
        void equalOpenAndCloseIsA24HourShiftAndMidnightCloseEndsTheDay() {
            assertThat(shift("08:00", "08:00").length()).isEqualTo(Duration.ofHours(24));
            assertThat(shift("10:00", "00:00").length()).isEqualTo(Duration.ofHours(14));
            assertThat(shift("10:00", "10:30").problem()).isEqualTo("too-short");
        }
    }

    @Test
    @DisplayName("a mall desk works 12 hours a day (seed 000 §3.1.1), a campus around the clock (seed 001 §二.1)")
    void defaults() {
        WorkingCalendar mall = WorkingCalendar.mallDeskHours(SHANGHAI);
        assertThat(mall.addWorkingTime(at("2026-11-29T20:58"), Duration.ofMinutes(5))).isEqualTo(at("2026-11-30T09:03"));
        assertThat(mall.problems("deskHours").isEmpty()).isTrue();
        WorkingCalendar campus = WorkingCalendar.aroundTheClock(SHANGHAI);
        assertThat(campus.addWorkingTime(at("2026-11-29T23:58"), Duration.ofMinutes(5))).isEqualTo(at("2026-11-30T00:03"));
    }

    @Test
    void boundsKeepEveryDeadlineFindable() {
        WorkingCalendar empty = new WorkingCalendar(null, false, Map.of());
        assertThat(empty.problems("calendar").asList())
                .extracting(error -> error.get("field") + ":" + error.get("code"))
                .containsExactly("calendar.zone:required", "calendar.hours:no-working-time");
        Set<LocalDate> tooMany = new java.util.HashSet<>();
        for (int i = 0; i <= WorkingCalendar.MAX_HOLIDAYS; i++) {
            tooMany.add(LocalDate.parse("2026-01-01").plusDays(i));
        }
        WorkingCalendar crowded = new WorkingCalendar(SHANGHAI, false, Calendar.weekdays("09:00", "18:00").hours,
                tooMany, Map.of());
        assertThat(crowded.problems("calendar").asList())
                .extracting(error -> error.get("field") + ":" + error.get("code"))
                .containsExactly("calendar.holidays:too-many");
    }

    @Test
    @DisplayName("the calendar travels in events as JSON and is stored in documents unchanged")
    void roundTrips() {
        WorkingCalendar calendar = Calendar.weekdays("22:00", "06:00").holidays("2026-10-01")
                .makeUpDay("2026-10-10", "09:00", "18:00").build();
        JsonMapper json = JsonMapper.builder().build();
        String text = json.writeValueAsString(calendar);
        assertThat(text).contains("\"2026-10-10\":{\"open\":\"09:00", "\"holidays\":[\"2026-10-01\"]",
                "\"zone\":\"Asia/Shanghai\"");
        assertThat(json.readValue(text, WorkingCalendar.class)).isEqualTo(calendar);
        assertThat(json.readValue("{\"zone\":\"Asia/Shanghai\",\"alwaysOpen\":true}", WorkingCalendar.class))
                .isEqualTo(WorkingCalendar.aroundTheClock(SHANGHAI));

        // The services' store mapping: Spring Data's default conversions (java.time values as strings or dates).
        MongoCustomConversions conversions = new MongoCustomConversions(java.util.List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        MappingMongoConverter converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        Document stored = new Document();
        converter.write(calendar, stored);
        assertThat(converter.read(WorkingCalendar.class, stored)).isEqualTo(calendar);
    }
}
