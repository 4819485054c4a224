package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class ReplayProgressTest {

    @Test
    void withEverythingReplayedTheOffsetMovesToThePosition() {
        ReplayProgress progress = ReplayProgress.none();
        progress.record(0, true);
        progress.record(1, true);

        assertThat(progress.commit(2)).isEqualTo(new OffsetAndMetadata(2, ""));
    }

    @Test
    void recordsLeftOutStayPendingAndTheReplayedOnesAfterThemAreListed() {
        ReplayProgress progress = ReplayProgress.none();
        progress.record(0, true);
        progress.record(1, false);
        progress.record(2, true);
        progress.record(3, true);
        // 4 is a transaction marker: no record
        progress.record(5, true);
        progress.record(6, false);
        progress.record(7, true);

        OffsetAndMetadata commit = progress.commit(8);

        assertThat(commit).isEqualTo(new OffsetAndMetadata(1, "replayed:2-5,7-7"));
        ReplayProgress resumed = ReplayProgress.of(commit);
        assertThat(resumed.wasReplayed(1)).isFalse();
        assertThat(resumed.wasReplayed(2)).isTrue();
        assertThat(resumed.wasReplayed(5)).isTrue();
        assertThat(resumed.wasReplayed(6)).isFalse();
        assertThat(resumed.wasReplayed(7)).isTrue();
        assertThat(resumed.wasReplayed(8)).isFalse();
    }

    @Test
    void aResumedReplayThatCatchesUpCommitsThePlainPosition() {
        ReplayProgress resumed = ReplayProgress.of(new OffsetAndMetadata(1, "replayed:2-3"));
        resumed.record(1, true);
        resumed.record(2, resumed.wasReplayed(2));
        resumed.record(3, resumed.wasReplayed(3));

        assertThat(resumed.commit(4)).isEqualTo(new OffsetAndMetadata(4, ""));
    }

    @Test
    void aRunThatStopsHalfWayKeepsTheEarlierRangesBeyondIt() {
        ReplayProgress resumed = ReplayProgress.of(new OffsetAndMetadata(10, "replayed:12-15,20-20"));
        resumed.record(10, false);
        resumed.record(11, true);
        resumed.record(12, true);

        assertThat(resumed.commit(13)).isEqualTo(new OffsetAndMetadata(10, "replayed:11-12,13-15,20-20"));
    }

    @Test
    void metadataFromElsewhereMeansNothingWasReplayedAboveTheOffset() {
        assertThat(ReplayProgress.of(new OffsetAndMetadata(3, "written by another tool")).wasReplayed(4)).isFalse();
        assertThat(ReplayProgress.of(new OffsetAndMetadata(3, "replayed:x-y")).wasReplayed(4)).isFalse();
        assertThat(ReplayProgress.of(null).wasReplayed(0)).isFalse();
    }

    @Test
    void metadataStaysWithinWhatTheBrokerAccepts() {
        ReplayProgress progress = ReplayProgress.none();
        for (long offset = 1_000_000; offset < 1_002_000; offset++) {
            progress.record(offset, offset % 2 == 1);
        }

        OffsetAndMetadata commit = progress.commit(1_002_000);

        assertThat(commit.offset()).isEqualTo(1_000_000);
        assertThat(commit.metadata()).hasSizeLessThanOrEqualTo(ReplayProgress.MAX_METADATA_CHARS)
                .startsWith("replayed:1000001-1000001,1000003-1000003,");
    }
}
