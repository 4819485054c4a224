package com.mallservicedesk.localplatform;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.BsonConstants;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.stream.IntStream;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;

/** A document in an H2 page as its length and its BSON: the wire protocol's codec's bytes, read back by that codec. */
final class BsonInPages {

    /**
     * Each thread encodes into one buffer of its own, cleared each time: a commit writes every document of every page
     * it changed, and a fresh small buffer per document was grown and copied several times on the way.
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(BsonInPages::newBuffer);
    private static final int INITIAL_CAPACITY = 4096;
    /** A buffer grown beyond this by a rare large document is not kept. */
    private static final int MAX_KEPT_CAPACITY = 256 * 1024;
    /** An array's element keys are its indexes as text; the first ones are made once. */
    private static final String[] INDEX_KEYS = IntStream.range(0, 256).mapToObj(String::valueOf).toArray(String[]::new);

    private BsonInPages() {
    }

    static void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get().clear();
        encodeDocument(document, bson);
        int length = bson.readableBytes();
        buffer.putVarInt(length);
        buffer.put(bson.nioBuffer(bson.readerIndex(), length));
        if (bson.capacity() > MAX_KEPT_CAPACITY) {
            ENCODING.set(newBuffer());
        }
    }

    /**
     * The wire codec's BSON, byte for byte, written without its detour for arrays: it copies each array into a new
     * document keyed "0", "1", … before writing it, which was a tenth of the server's CPU in a profile (every outbox,
     * history and timer list of every document in every page a commit writes). Everything but documents and arrays
     * is left to the codec.
     */
    static void encodeDocument(Map<String, ?> document, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        for (Map.Entry<String, ?> field : document.entrySet()) {
            encodeElement(field.getKey(), field.getValue(), out);
        }
        endDocument(start, out);
    }

    private static void encodeArray(Collection<?> array, ByteBuf out) {
        int start = out.writerIndex();
        out.writeIntLE(0);
        int index = 0;
        for (Object element : array) {
            encodeElement(index < INDEX_KEYS.length ? INDEX_KEYS[index] : String.valueOf(index), element, out);
            index++;
        }
        endDocument(start, out);
    }

    private static void encodeElement(String key, Object value, ByteBuf out) {
        byte type = BsonEncoder.determineType(value);
        out.writeByte(type);
        out.writeCharSequence(key, StandardCharsets.UTF_8);
        out.writeByte(BsonConstants.STRING_TERMINATION);
        switch (type) {
            case BsonConstants.TYPE_EMBEDDED_DOCUMENT -> {
                @SuppressWarnings("unchecked")
                Map<String, ?> embedded = (Map<String, ?>) value;
                encodeDocument(embedded, out);
            }
            case BsonConstants.TYPE_ARRAY -> encodeArray((Collection<?>) value, out);
            default -> BsonEncoder.encodeValue(type, value, out);
        }
    }

    private static void endDocument(int start, ByteBuf out) {
        out.writeByte(BsonConstants.TERMINATING_BYTE);
        out.setIntLE(start, out.writerIndex() - start);
    }

    private static ByteBuf newBuffer() {
        return Unpooled.buffer(INITIAL_CAPACITY);
    }

    static Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }
}
