package com.mallservicedesk.claims.evidence;

import com.mallservicedesk.platform.problem.ApiException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.ReactiveGridFsTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps evidence files in GridFS, each tagged with its mall and claim. An upload is checked before anything is stored:
 * its declared type must be allowed and match the file's first bytes (415), and it must fit the size limit (413). Its
 * SHA-256 is computed from the bytes received; images also get a thumbnail for the incident report.
 */
@Component
@EnableConfigurationProperties(EvidenceLimits.class)
public class EvidenceFiles {

    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);

    private final ReactiveGridFsTemplate gridFs;
    private final EvidenceLimits limits;

    EvidenceFiles(ReactiveGridFsTemplate gridFs, EvidenceLimits limits) {
        this.gridFs = gridFs;
        this.limits = limits;
    }

    public Mono<StoredFile> store(String mallId, String claimId, FilePart part) {
        MediaType declared = part.headers().getContentType();
        String type = declared == null ? null : (declared.getType() + "/" + declared.getSubtype()).toLowerCase(Locale.ROOT);
        if (type == null || !limits.allowedTypes().contains(type)) {
            return part.content().doOnNext(DataBufferUtils::release).then(Mono.error(() -> new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence-type-not-allowed", type, String.join(", ",
                            limits.allowedTypes()))));
        }
        int max = (int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileSize().toBytes());
        return DataBufferUtils.join(part.content(), max)
                .onErrorMap(DataBufferLimitException.class, e -> new ApiException(HttpStatus.PAYLOAD_TOO_LARGE,
                        "evidence-too-large", limits.maxFileSize().toMegabytes()))
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .switchIfEmpty(Mono.error(() -> ApiException.badRequest("evidence-empty")))
                .flatMap(bytes -> {
                    if (bytes.length == 0) {
                        return Mono.error(ApiException.badRequest("evidence-empty"));
                    }
                    if (!looksLike(type, bytes)) {
                        return Mono.error(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence-content-mismatch",
                                type));
                    }
                    String filename = safeName(part.filename());
                    Mono<byte[]> thumbnail = type.startsWith("image/")
                            ? Mono.fromCallable(() -> thumbnail(bytes)).subscribeOn(Schedulers.boundedElastic())
                            : Mono.just(new byte[0]);
                    return thumbnail.flatMap(thumb -> save(mallId, claimId, "original", filename, type, bytes)
                            .flatMap(fileId -> (thumb.length == 0 ? Mono.just("")
                                    : save(mallId, claimId, "thumbnail", filename + ".thumb.jpg", "image/jpeg", thumb))
                                    .map(thumbId -> new StoredFile(fileId, thumbId.isEmpty() ? null : thumbId, filename,
                                            type, bytes.length, sha256(bytes)))));
                });
    }

    /** The file, if it belongs to the mall; empty otherwise. */
    public Mono<FileContent> open(String mallId, String fileId) {
        if (!ObjectId.isValid(fileId)) {
            return Mono.empty();
        }
        return gridFs.findOne(Query.query(Criteria.where("_id").is(new ObjectId(fileId)).and("metadata.mallId").is(mallId)))
                .flatMap(file -> gridFs.getResource(file).map(resource -> new FileContent(
                        file.getMetadata() == null ? null : file.getMetadata().getString("contentType"),
                        file.getLength(), resource.getDownloadStream())));
    }

    /** The whole file in memory: for thumbnails, which are small. */
    public Mono<byte[]> bytes(String mallId, String fileId) {
        return open(mallId, fileId).flatMap(file -> DataBufferUtils.join(file.content()).map(buffer -> {
            byte[] bytes = new byte[buffer.readableByteCount()];
            buffer.read(bytes);
            DataBufferUtils.release(buffer);
            return bytes;
        }));
    }

    private Mono<String> save(String mallId, String claimId, String role, String filename, String type, byte[] bytes) {
        Document metadata = new Document("mallId", mallId).append("claimId", claimId).append("role", role)
                .append("contentType", type);
        Flux<DataBuffer> content = Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(bytes));
        return gridFs.store(content, filename, type, metadata).map(ObjectId::toHexString);
    }

    /** The first bytes of the formats we accept; a type we have no signature for is trusted as declared. */
    static boolean looksLike(String type, byte[] bytes) {
        return switch (type) {
            case "image/jpeg" -> startsWith(bytes, 0xFF, 0xD8, 0xFF);
            case "image/png" -> startsWith(bytes, 0x89, 'P', 'N', 'G');
            case "application/pdf" -> startsWith(bytes, '%', 'P', 'D', 'F');
            default -> true;
        };
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private byte[] thumbnail(byte[] image) {
        try {
            BufferedImage source = ImageIO.read(new ByteArrayInputStream(image));
            if (source == null) {
                return new byte[0];
            }
            int side = limits.thumbnailSize();
            double scale = Math.min(1.0, (double) side / Math.max(source.getWidth(), source.getHeight()));
            int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(source, 0, 0, w, h, java.awt.Color.WHITE, null);
            g.dispose();
            var out = new ByteArrayOutputStream();
            ImageIO.write(small, "jpg", out);
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            // A photo the image library cannot read is still evidence: it is kept, only without a thumbnail.
            log.info("No thumbnail for an uploaded image: {}", e.toString());
            return new byte[0];
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String safeName(String filename) {
        if (filename == null || filename.isBlank()) {
            return "evidence";
        }
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "_");
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
