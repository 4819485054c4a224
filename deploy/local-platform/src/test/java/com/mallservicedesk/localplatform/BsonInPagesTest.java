package com.mallservicedesk.localplatform;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class BsonInPagesTest {

    @Test
    void encodesExactlyTheBytesOfTheWireCodec() {
        List<Object> longList = new ArrayList<>(IntStream.range(0, 300).boxed().toList());
        var document = new Document("_id", new ObjectId())
                .append("text", "客服 desk").append("int", 7).append("long", 7L).append("double", 1.5)
                .append("decimal", new Decimal128(1, 2)).append("yes", true).append("nothing", null)
                .append("when", Instant.parse("2026-11-26T08:00:00.123Z")).append("uuid", UUID.randomUUID())
                .append("timestamp", new BsonTimestamp(42L)).append("min", MinKey.getInstance())
                .append("max", MaxKey.getInstance())
                .append("events", List.of(new Document("eventId", "e1").append("tags", List.of("a", List.of(1, 2))),
                        new Document("eventId", "e2")))
                .append("set", new LinkedHashSet<>(List.of("x", "y"))).append("empty", List.of())
                .append("longList", longList).append("nested", new Document("deeper", new Document("n", 1)));

        assertThat(hex(buffer -> BsonInPages.encodeDocument(document, buffer)))
                .isEqualTo(hex(buffer -> BsonEncoder.encodeDocument(document, buffer)));
    }

    @Test
    void documentsWrittenOneAfterAnotherReadBackAsTheyWere() {
        var large = new Document("_id", "large").append("text", "x".repeat(300 * 1024));
        var small = new Document("_id", "small").append("n", 1);
        var nested = new Document("_id", "nested").append("in", new Document("list", List.of(1, "two", 3.0)));
        var buffer = new WriteBuffer();

        for (Document document : List.of(small, large, small, nested)) {
            BsonInPages.write(buffer, document);
        }

        ByteBuffer written = buffer.getBuffer().flip();
        assertThat(List.of(BsonInPages.read(written), BsonInPages.read(written), BsonInPages.read(written),
                BsonInPages.read(written))).containsExactly(small, large, small, nested);
        assertThat(written.hasRemaining()).isFalse();
    }

    private static String hex(java.util.function.Consumer<ByteBuf> encoding) {
        ByteBuf buffer = Unpooled.buffer();
        encoding.accept(buffer);
        return ByteBufUtil.hexDump(buffer);
    }
}
