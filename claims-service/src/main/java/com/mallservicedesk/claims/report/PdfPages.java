package com.mallservicedesk.claims.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays text and images out on A4 pages top to bottom, wrapping lines at the margin (Chinese text has no spaces, so it
 * wraps at any character) and starting a new page when one is full. Characters the font lacks print as a question mark
 * instead of failing the document.
 */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document;
    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    PdfPages(PDDocument document, PDFont font) {
        this.document = document;
        this.font = font;
    }

    void title(String text) throws IOException {
        line(text, 18, 0);
        space(6);
    }

    void heading(String text) throws IOException {
        space(8);
        line(text, 13, 0);
        space(2);
    }

    /** A label and its value; a null or blank value prints as a dash. */
    void field(String label, String value) throws IOException {
        paragraph(label + ":" + (value == null || value.isBlank() ? "—" : value), 10, 12);
    }

    void paragraph(String text, float size, float indent) throws IOException {
        for (String raw : (text == null ? "" : text).split("\\R")) {
            for (String wrapped : wrap(clean(raw), size, WIDTH - indent)) {
                line(wrapped, size, indent);
            }
        }
    }

    /** Images side by side, each scaled into a box of the given size, with a caption under each. */
    void images(List<PDImageXObject> images, List<String> captions, float box) throws IOException {
        float x = MARGIN + 12;
        for (int i = 0; i < images.size(); i++) {
            if (x + box > MARGIN + WIDTH) {
                x = MARGIN + 12;
                y -= box + 24;
            }
            ensure(box + 24);
            PDImageXObject image = images.get(i);
            float scale = Math.min(box / image.getWidth(), box / image.getHeight());
            float w = image.getWidth() * scale;
            float h = image.getHeight() * scale;
            page.drawImage(image, x, y - h, w, h);
            text(clip(clean(captions.get(i)), 8, box), 8, x, y - box - 10);
            x += box + 12;
        }
        y -= box + 24;
    }

    void space(float points) {
        y -= points;
    }

    private void line(String text, float size, float indent) throws IOException {
        ensure(size * 1.5f);
        y -= size * 1.4f;
        text(text, size, MARGIN + indent, y);
    }

    private void text(String text, float size, float x, float atY) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, atY);
        page.showText(text);
        page.endText();
    }

    private void ensure(float height) throws IOException {
        if (page == null || y - height < MARGIN) {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PDRectangle.A4);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }

    private List<String> wrap(String text, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (current.length() > 0 && width(current + ch, size) > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            current.append(ch);
            i += Character.charCount(cp);
        }
        lines.add(current.toString());
        return lines;
    }

    private String clip(String text, float size, float width) throws IOException {
        String result = text;
        while (!result.isEmpty() && width(result, size) > width) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private float width(String text, float size) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Control characters dropped, characters without a glyph replaced. */
    private String clean(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (!Character.isISOControl(cp)) {
                out.appendCodePoint(printable.computeIfAbsent(cp, this::hasGlyph) ? cp : '?');
            }
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (page != null) {
            page.close();
            page = null;
        }
    }
}
