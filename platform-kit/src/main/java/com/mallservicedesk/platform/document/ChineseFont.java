package com.mallservicedesk.platform.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a font file with Chinese glyphs for the PDF documents services render (incident reports, survey evaluations),
 * so the font can be embedded and the document reads the same everywhere. The operating system provides it (Debian:
 * {@code fonts-wqy-microhei} or {@code fonts-noto-cjk}, which CI installs); {@code platform.documents.font} (environment
 * {@code PLATFORM_DOCUMENTS_FONT}) names another file. TrueType collections ({@code .ttc}) hold several faces: PDFBox
 * reads them with {@code TrueTypeCollection}.
 */
public final class ChineseFont {

    static final List<Path> KNOWN = List.of(
            Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"),
            Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
            Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
            Path.of("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc"),
            Path.of("/System/Library/Fonts/PingFang.ttc"),
            Path.of("C:/Windows/Fonts/msyh.ttc"));

    private ChineseFont() {
    }

    /** The configured font if it exists, else the first known one present. */
    public static Optional<Path> find(String configured) {
        Stream<Path> candidates = configured == null || configured.isBlank() ? KNOWN.stream()
                : Stream.concat(Stream.of(Path.of(configured)), KNOWN.stream());
        return candidates.filter(Files::isReadable).findFirst();
    }

    /** The font, or an exception that tells an operator what to install or configure. */
    public static Path require(String configured) {
        return find(configured).orElseThrow(() -> new IllegalStateException(
                "No font with Chinese glyphs found for PDF documents: install fonts-wqy-microhei (Debian) or set "
                        + "PLATFORM_DOCUMENTS_FONT to a .ttf/.ttc file"));
    }
}
