package com.mallservicedesk.survey.campaign;

import com.mallservicedesk.platform.document.ChineseFont;
import com.mallservicedesk.survey.improvement.ImprovementView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders the evaluation report as a PDF in Chinese, with the font embedded (a subset) so it reads the same
 * everywhere. The font comes from the operating system through the kit ({@code survey.documents.font} names another).
 */
@Component
class EvaluationPdf {

    private static final float MARGIN = 50;
    private static final float SIZE = 10.5f;
    private static final float TITLE = 16;
    private static final float LEADING = 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String configuredFont;

    EvaluationPdf(@Value("${survey.documents.font:}") String configuredFont) {
        this.configuredFont = configuredFont;
    }

    byte[] render(EvaluationReport report, ZoneId zone) {
        Path fontFile = ChineseFont.require(configuredFont);
        try (var document = new PDDocument(); var out = new ByteArrayOutputStream()) {
            if (fontFile.toString().toLowerCase().endsWith(".ttc")) {
                try (var collection = new TrueTypeCollection(fontFile.toFile())) {
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    collection.processAllFonts(ttf -> {
                        if (first[0] == null) {
                            first[0] = ttf;
                        }
                    });
                    write(document, PDType0Font.load(document, first[0], true), report, zone);
                    document.save(out);
                }
            } else {
                write(document, PDType0Font.load(document, fontFile.toFile()), report, zone);
                document.save(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(PDDocument document, PDType0Font font, EvaluationReport r, ZoneId zone) throws IOException {
        try (var pages = new Pages(document, font)) {
            pages.line("顾客满意度调查评估报告", TITLE);
            pages.gap();
            pages.line("商场：" + r.mallId() + "    调查期间：" + r.period() + "    状态：" + ("CLOSED".equals(r.status())
                    ? "已结束" : "进行中"), SIZE);
            if (r.closedAt() != null) {
                pages.line("结束时间：" + TIME.format(r.closedAt().atZone(zone)), SIZE);
            }
            var results = r.results();
            pages.line("调查对象：%d    回收问卷：%d    回收率：%s    总满意率：%s（目标 %s）".formatted(results.sampled(),
                    results.responded(), EvaluationReport.pct(results.responseRate()),
                    EvaluationReport.pct(results.overall()), EvaluationReport.pct(results.target())), SIZE);
            pages.gap();
            pages.line("一、分析评估", 12);
            for (String paragraph : r.assessment()) {
                pages.paragraph(paragraph);
            }
            pages.gap();
            pages.line("二、各项满意率（该项总计分数 ÷ 该项总分）", 12);
            for (SurveyResults.FormResult form : results.forms()) {
                pages.line("调查表%s（%s）：回收 %d / %d，满意率 %s".formatted(form.form(), form.title(), form.responded(),
                        form.sampled(), EvaluationReport.pct(form.satisfaction())), SIZE);
                for (SurveyResults.ItemResult item : form.items()) {
                    pages.paragraph("  · %s［%s］ 份数 %d，得分 %d / %d，满意率 %s%s".formatted(item.title(),
                            item.department(), item.responses(), item.totalScore(), item.maxScore(),
                            EvaluationReport.pct(item.satisfaction()), item.belowTarget() ? "  低于目标" : ""));
                }
            }
            pages.gap();
            pages.line("三、各类调查对象", 12);
            for (SurveyResults.GroupResult group : results.groups()) {
                pages.paragraph("  · %s：抽取 %d，回收 %d，满意率 %s".formatted(EvaluationReport.groupName(group.group()),
                        group.sampled(), group.responded(), EvaluationReport.pct(group.satisfaction())));
            }
            pages.gap();
            pages.line("四、改进措施", 12);
            if (r.improvements().isEmpty()) {
                pages.paragraph("无低于目标的项目。");
            }
            for (ImprovementView action : r.improvements()) {
                pages.paragraph("  · %s（满意率 %s）责任部门 %s，负责人 %s，完成期限 %s，状态 %s".formatted(action.itemTitle(),
                        EvaluationReport.pct(action.satisfaction()), action.department(), action.owner(), action.dueOn(),
                        statusName(action.status().name())));
                pages.paragraph("    改进计划：" + (action.plan() == null ? "待物业经理制定" : action.plan()));
            }
        }
    }

    private static String statusName(String status) {
        return switch (status) {
            case "OPEN" -> "待制定计划";
            case "PLANNED" -> "已制定计划";
            case "IN_PROGRESS" -> "改进中";
            default -> "已完成";
        };
    }

    /** Writes lines top to bottom, wrapping long ones by their width and starting a new page when one is full. */
    private static final class Pages implements AutoCloseable {

        private final PDDocument document;
        private final PDType0Font font;
        private final java.util.Map<Integer, Boolean> printable = new java.util.HashMap<>();
        private PDPageContentStream content;
        private float y;

        Pages(PDDocument document, PDType0Font font) throws IOException {
            this.document = document;
            this.font = font;
            newPage();
        }

        void line(String text, float size) throws IOException {
            if (y < MARGIN + LEADING) {
                newPage();
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(MARGIN, y);
            content.showText(clean(text));
            content.endText();
            y -= size > SIZE ? LEADING + 4 : LEADING;
        }

        /** Each line of the text (plans are written in several), wrapped to the page's width. */
        void paragraph(String text) throws IOException {
            for (String raw : text.split("\\R")) {
                for (String piece : wrap(clean(raw))) {
                    line(piece, SIZE);
                }
            }
        }

        /**
         * What the font can show: tabs become spaces, other control characters are dropped, characters without a
         * glyph in the font (emoji, rare symbols typed into a plan or a name) become {@code ?}. A PDF text line takes
         * nothing else.
         */
        private String clean(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().forEach(cp -> {
                if (cp == '\t') {
                    out.append(' ');
                } else if (!Character.isISOControl(cp) && Character.getType(cp) != Character.LINE_SEPARATOR
                        && Character.getType(cp) != Character.PARAGRAPH_SEPARATOR) {
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

        void gap() {
            y -= LEADING / 2;
        }

        private List<String> wrap(String text) throws IOException {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            List<String> lines = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String next = current + new String(Character.toChars(cp));
                if (font.getStringWidth(next) / 1000 * SIZE > width && current.length() > 0) {
                    lines.add(current.toString());
                    current = new StringBuilder("    ");
                }
                current.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            if (current.length() > 0) {
                lines.add(current.toString());
            }
            return lines;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        @Override
        public void close() throws IOException {
            content.close();
        }
    }
}
