package com.mallservicedesk.localplatform;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * What the replays so far have done with one partition of a dead-letter topic, kept as the committed offset of the
 * replay consumer group. The committed offset is the first record still pending; records above it that were
 * already replayed are listed in the commit's metadata as offset ranges ({@code replayed:5-7,9-9}).
 *
 * <p>Only a plain offset would force a choice between two wrongs once a replay is filtered (--only-type): committing
 * past the records not selected hides them from every later replay, committing only up to them re-sends the selected
 * ones next time. With the ranges, neither happens.
 */
final class ReplayProgress {

    static final String METADATA_PREFIX = "replayed:";
    /** The broker refuses longer metadata (offset.metadata.max.bytes defaults to 4096). */
    static final int MAX_METADATA_CHARS = 3000;

    private record Range(long first, long last) {

        boolean contains(long offset) {
            return offset >= first && offset <= last;
        }
    }

    private final List<Range> replayed;
    private Long firstPending;
    private final List<Range> replayedSincePending = new ArrayList<>();
    private boolean lastWasReplayed;

    private ReplayProgress(List<Range> replayed) {
        this.replayed = replayed;
    }

    /** Nothing replayed yet, or --from-beginning: every record is pending. */
    static ReplayProgress none() {
        return new ReplayProgress(List.of());
    }

    /** Resumes from a commit; metadata that is not ours counts as nothing replayed above the offset. */
    static ReplayProgress of(OffsetAndMetadata committed) {
        if (committed == null) {
            return none();
        }
        List<Range> ranges = new ArrayList<>();
        String metadata = committed.metadata();
        if (metadata != null && metadata.startsWith(METADATA_PREFIX)) {
            try {
                for (String range : metadata.substring(METADATA_PREFIX.length()).split(",")) {
                    if (range.isEmpty()) {
                        continue;
                    }
                    int dash = range.indexOf('-');
                    ranges.add(new Range(Long.parseLong(range.substring(0, dash)),
                            Long.parseLong(range.substring(dash + 1))));
                }
            } catch (RuntimeException e) {
                ranges.clear();
            }
        }
        return new ReplayProgress(List.copyOf(ranges));
    }

    boolean wasReplayed(long offset) {
        return replayed.stream().anyMatch(range -> range.contains(offset));
    }

    /** Notes the outcome for each record read, in offset order: replayed now or earlier, or still pending. */
    void record(long offset, boolean isReplayed) {
        if (!isReplayed) {
            if (firstPending == null) {
                firstPending = offset;
            }
            lastWasReplayed = false;
        } else if (firstPending != null) {
            // A range may span offsets without records (transaction markers): nothing there to replay anyway.
            if (lastWasReplayed) {
                Range last = replayedSincePending.remove(replayedSincePending.size() - 1);
                replayedSincePending.add(new Range(last.first(), offset));
            } else {
                replayedSincePending.add(new Range(offset, offset));
            }
            lastWasReplayed = true;
        }
    }

    /**
     * The commit after reading up to (not including) {@code position}. Earlier ranges beyond the position (a run
     * that stopped half-way) are carried over. Ranges that do not fit are dropped: those records would be sent once
     * more, which the consumers' deduplication on ce_id absorbs.
     */
    OffsetAndMetadata commit(long position) {
        List<Range> ranges = new ArrayList<>(replayedSincePending);
        replayed.stream().filter(range -> range.last() >= position)
                .forEach(range -> ranges.add(new Range(Math.max(range.first(), position), range.last())));
        long offset = firstPending != null ? firstPending : position;
        return new OffsetAndMetadata(offset, ranges.isEmpty() ? "" : encode(ranges));
    }

    private static String encode(List<Range> ranges) {
        StringBuilder metadata = new StringBuilder(METADATA_PREFIX);
        for (Range range : ranges) {
            String next = (metadata.length() > METADATA_PREFIX.length() ? "," : "") + range.first() + "-"
                    + range.last();
            if (metadata.length() + next.length() > MAX_METADATA_CHARS) {
                break;
            }
            metadata.append(next);
        }
        return metadata.toString();
    }
}
