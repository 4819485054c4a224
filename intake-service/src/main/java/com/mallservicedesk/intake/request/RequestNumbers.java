package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.Sequences;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Human-readable request numbers, unique per mall and local day: {@code M001-20261122-0007}. */
@Component
class RequestNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final Sequences counters;

    RequestNumbers(ReactiveMongoTemplate mongo) {
        this.counters = Sequences.in(mongo, "request_counters");
    }

    /** A number's day ({@code yyyyMMdd}) and sequence in it. */
    record Parts(String day, int sequence) {
    }

    /**
     * The day and sequence of a number in the form {@link #next} gives ({@code <mall>-<yyyyMMdd>-<sequence>}), or empty
     * for any other text. The mall's code may itself contain dashes: the last two parts are read.
     */
    static Optional<Parts> partsOf(String number) {
        int last = number == null ? -1 : number.lastIndexOf('-');
        int before = last < 0 ? -1 : number.lastIndexOf('-', last - 1);
        if (before < 0 || last - before != 9 || !isDigits(number, before + 1, last)
                || !isDigits(number, last + 1, number.length()) || number.length() - last - 1 > 9) {
            return Optional.empty();
        }
        return Optional.of(new Parts(number.substring(before + 1, last), Integer.parseInt(number.substring(last + 1))));
    }

    private static boolean isDigits(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The last sequence of each day from {@code first} to {@code last} on which the mall numbered requests, by day
     * ({@code yyyyMMdd}): one walk over the mall's counters of those days.
     */
    Mono<Map<String, Long>> lastOfDays(String mallId, LocalDate first, LocalDate last) {
        String prefix = mallId + "-";
        return counters.between(prefix + DAY.format(first), prefix + DAY.format(last))
                // A mall whose code extends this one's with a dash and digits could sort in between: not its days.
                .filter(counter -> counter.getKey().length() == prefix.length() + 8
                        && isDigits(counter.getKey(), prefix.length(), counter.getKey().length()))
                .collectMap(counter -> counter.getKey().substring(prefix.length()), Map.Entry::getValue);
    }

    /** @param zone the mall's time zone: the day in the number is the mall's local day */
    Mono<String> next(String mallId, Instant at, ZoneId zone) {
        String day = DAY.format(at.atZone(zone));
        return counters.next(mallId + "-" + day).map(seq -> "%s-%s-%04d".formatted(mallId, day, seq));
    }
}
