package com.mallservicedesk.claims.report;

import com.mallservicedesk.claims.claim.Advance;
import com.mallservicedesk.claims.claim.CheckItem;
import com.mallservicedesk.claims.claim.Claim;
import com.mallservicedesk.claims.claim.Contacts;
import com.mallservicedesk.claims.claim.Cost;
import com.mallservicedesk.claims.claim.EvidenceItem;
import com.mallservicedesk.claims.claim.IdNumbers;
import com.mallservicedesk.claims.claim.IncidentCategory;
import com.mallservicedesk.claims.claim.InsurerDelivery;
import com.mallservicedesk.claims.claim.LinkedRequest;
import com.mallservicedesk.claims.claim.Location;
import com.mallservicedesk.claims.claim.People;
import com.mallservicedesk.claims.claim.Step;
import com.mallservicedesk.claims.claim.Witness;
import com.mallservicedesk.claims.policy.InsurancePolicy;
import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.document.ChineseFont;
import com.mallservicedesk.platform.security.PlatformUser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Renders the special incident report (專題事故報告, seed 000 §第三條 6.2): more complete than what the insurer asks for,
 * for the company's investigation and corrective actions. It holds the facts, the people involved (ID numbers always
 * masked, witnesses' numbers as the reader may see them), the timeline and checklist, the reports to the insurer, the evidence with thumbnails, the advances and costs,
 * the cause and the corrective actions. The Chinese font is embedded (as a subset), so the document reads the same on
 * every machine.
 */
@Component
class IncidentReportPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final Map<IncidentCategory, String> CATEGORY = Map.of(
            IncidentCategory.CROWDING_TRAMPLING, "拥挤、踩踏", IncidentCategory.SLIP, "路滑摔倒",
            IncidentCategory.ESCALATOR_LIFT, "乘坐电梯(扶梯)磕碰损伤", IncidentCategory.PEDESTRIAN_VEHICLE, "人车混流",
            IncidentCategory.CAR_PARK_THIRD_PARTY, "停车场第三者人身伤害", IncidentCategory.OTHER, "其他");
    private static final Map<ClaimStage, String> STAGE = Map.of(
            ClaimStage.IMMEDIATE_ACTION, "即时行动", ClaimStage.APPLICATION, "索赔申请", ClaimStage.HANDLING, "索赔办理",
            ClaimStage.ADJUSTER_ASSISTANCE, "定损员协助", ClaimStage.ARCHIVED, "索赔档案(归档)");
    private static final Map<EvidenceItem.Kind, String> EVIDENCE = Map.of(
            EvidenceItem.Kind.PHOTO, "照片", EvidenceItem.Kind.POLICE_REPORT, "报警证明",
            EvidenceItem.Kind.WITNESS_STATEMENT, "证人证言", EvidenceItem.Kind.INVOICE, "发票",
            EvidenceItem.Kind.INSURER_FORM, "保险公司表格", EvidenceItem.Kind.OTHER, "其他");

    /** A thumbnail of an evidence photo, read from storage before rendering. */
    record Thumbnail(String evidenceId, byte[] jpeg) {
    }

    private final String configuredFont;
    private final ZoneId zone;

    IncidentReportPdf(@Value("${platform.documents.font:}") String configuredFont,
                      @Value("${claims.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.configuredFont = configuredFont;
        this.zone = zone;
    }

    /** The report for {@code reader}: phone numbers are shown as the reader may see them (the kit's disclosure rule). */
    byte[] render(Claim claim, InsurancePolicy policy, List<Thumbnail> thumbnails, Instant now, PlatformUser reader) {
        Path fontFile = ChineseFont.require(configuredFont);
        try (PDDocument document = new PDDocument()) {
            TrueTypeCollection collection = null;
            try {
                PDFont font;
                if (fontFile.toString().toLowerCase().endsWith(".ttc")) {
                    collection = new TrueTypeCollection(fontFile.toFile());
                    TrueTypeFont[] first = new TrueTypeFont[1];
                    collection.processAllFonts(ttf -> {
                        if (first[0] == null) {
                            first[0] = ttf;
                        }
                    });
                    font = PDType0Font.load(document, first[0], true);
                } else {
                    font = PDType0Font.load(document, fontFile.toFile());
                }
                info(document, claim, now);
                try (PdfPages pages = new PdfPages(document, font)) {
                    write(pages, document, claim, policy, thumbnails, now, reader);
                }
                var out = new ByteArrayOutputStream();
                // The subset of the font is embedded on save: the collection must stay open until then.
                document.save(out);
                return out.toByteArray();
            } finally {
                if (collection != null) {
                    collection.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(PdfPages p, PDDocument document, Claim c, InsurancePolicy policy, List<Thumbnail> thumbnails,
                       Instant now, PlatformUser reader) throws IOException {
        p.title("专题事故报告");
        p.paragraph("理赔档案 " + c.getId() + "  ·  商场 " + c.getMallId() + "  ·  生成于 " + time(now), 9, 0);

        p.heading("一、事故概况");
        p.field("来源", c.getRequestNumber() == null ? "直接登记" : "前台报事 " + c.getRequestNumber());
        p.field("发生时间", time(c.getOccurredAt()));
        p.field("报告时间", time(c.getReportedAt()));
        p.field("地点", place(c));
        String category = c.getCategory() == null ? null : CATEGORY.get(c.getCategory());
        if (c.getCategory() == IncidentCategory.SLIP && c.getWarningSignUp() != null) {
            category += c.getWarningSignUp() ? "(当时已设警示标识)" : "(当时未设警示标识)";
        }
        p.field("类别", category);
        p.field("处理人", c.getHandlerName());
        p.field("当前阶段", STAGE.get(c.getStage()) + (c.getOutcome() == null ? ""
                : c.getOutcome() == ClaimStage.Outcome.SETTLED ? ",已理赔结案 " + money(c.getSettledAmountCny())
                : ",未索赔结案"));
        p.field("事发经过", c.getDescription());

        p.heading("二、相关人员与损失");
        p.field("涉及各方", join(c.getParties().stream()
                .map(x -> x.name() + (x.role() == null ? "" : "(" + x.role() + ")")).toList()));
        if (c.getInjured().isEmpty()) {
            p.field("伤者", null);
        }
        for (People.Injured i : c.getInjured()) {
            p.field("伤者", i.name() + ",身份证号 " + (i.idNumber() == null ? "—" : IdNumbers.mask(i.idNumber()))
                    + ",雇主 " + dash(i.employer()) + ",伤情 " + dash(i.injury()));
        }
        p.field("第三者", join(c.getThirdParties().stream().map(People.ThirdParty::name).toList()));
        p.field("受损物品", join(c.getDamagedBelongings().stream().map(b -> b.item()
                + (b.damage() == null ? "" : "(" + b.damage() + ")")
                + (b.estimatedValueCny() == null ? "" : " 约 " + money(b.estimatedValueCny()))).toList()));
        p.field("损失情况", c.getDamage());
        p.field("估计损失", c.getEstimatedLossCny() == null ? null : money(c.getEstimatedLossCny()));

        p.heading("三、处理经过");
        for (Step s : c.getTimeline()) {
            p.paragraph(time(s.at()) + "  " + action(s.action()) + (s.by() == null ? "" : "  " + s.by())
                    + (s.detail() == null ? "" : "  " + s.detail()), 9, 12);
        }
        p.space(4);
        p.paragraph("检查清单(保险理赔处理程序 第三条 4.2):", 10, 0);
        for (CheckItem item : c.getChecklist()) {
            String state = switch (item.status()) {
                case DONE -> "已完成 " + time(item.doneAt()) + " " + dash(item.doneBy());
                case NOT_APPLICABLE -> "不适用" + (item.note() == null ? "" : "(" + item.note() + ")");
                case OPEN -> item.overdue() ? "未完成,已逾期(应于 " + time(item.dueAt()) + ")" : "未完成";
            };
            p.paragraph("[" + STAGE.get(item.item().stage()) + "] " + item.item().label() + ":" + state, 9, 12);
        }

        p.heading("四、保险报案");
        p.field("保险公司", policy.insurer());
        p.field("保单编号", policy.policyNumber());
        p.field("电话报案", c.getPhoneReport() == null ? null : c.getPhoneReport().phone() + " "
                + time(c.getPhoneReport().calledAt()) + (c.getPhoneReport().insurerReference() == null ? ""
                : ",报案号 " + c.getPhoneReport().insurerReference()));
        InsurerDelivery api = c.getInsurerReport();
        p.field("系统报案", api == null ? null : api.state() == InsurerDelivery.State.DELIVERED
                ? "已送达 " + time(api.reportedAt()) + ",报案号 " + api.insurerReference()
                : "状态 " + api.state() + ",已尝试 " + api.attempts() + " 次");

        p.heading("五、证据");
        if (c.getEvidence().isEmpty()) {
            p.paragraph("—", 10, 12);
        }
        for (EvidenceItem e : c.getEvidence()) {
            p.paragraph(EVIDENCE.get(e.kind()) + ":" + e.filename() + ",拍摄/形成时间 " + time(e.takenAt())
                    + ",现场标注 " + dash(e.placeWritten()) + ",SHA-256 " + e.sha256().substring(0, 16) + "…", 9, 12);
        }
        List<PDImageXObject> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (Thumbnail t : thumbnails) {
            EvidenceItem e = c.evidence(t.evidenceId());
            images.add(PDImageXObject.createFromByteArray(document, t.jpeg(), t.evidenceId()));
            captions.add(e == null ? "" : dash(e.placeWritten()) + " " + time(e.takenAt()));
        }
        if (!images.isEmpty()) {
            p.space(6);
            p.images(images, captions, 150);
        }
        for (Witness w : c.getWitnesses()) {
            p.paragraph("证人:" + w.name() + ",联系方式 " + dash(Contacts.shown(reader, w.contact()))
                    + (w.signed() ? ",已签名" : ",未签名")
                    + (w.statement() == null ? "" : ",证言:" + w.statement()), 9, 12);
        }

        p.heading("六、垫付与费用");
        for (Advance a : c.getAdvances()) {
            p.paragraph("垫付 " + money(a.amountCny()) + " 给 " + a.paidTo() + "(" + a.purpose() + "),"
                    + switch (a.status()) {
                        case PAID -> "已支付";
                        case AWAITING_APPROVAL -> "超出限额,待物业经理审批";
                        case APPROVED -> "经 " + a.approvedBy() + " 批准超额支付:" + a.approvalReason();
                    }, 9, 12);
        }
        p.field("垫付合计", money(c.totalAdvanced()));
        for (Cost cost : c.getCosts()) {
            p.paragraph(cost.kind() + " " + money(cost.amountCny()) + (cost.invoiceNumber() == null ? ""
                    : ",发票 " + cost.invoiceNumber()) + (cost.settled() ? ",已理赔 " + money(cost.settledAmountCny())
                    : ",跟进中"), 9, 12);
        }

        p.heading("七、原因分析");
        p.paragraph(dash(c.getCause()), 10, 12);
        p.heading("八、整改措施");
        p.paragraph(dash(c.getCorrectiveActions()), 10, 12);

        p.heading("九、事发前同一地点的报事");
        if (c.getLinkedRequests().isEmpty()) {
            p.paragraph("—", 10, 12);
        }
        for (LinkedRequest l : c.getLinkedRequests()) {
            p.paragraph(dash(l.number()) + " " + time(l.receivedAt()) + " " + dash(l.kind()) + ":"
                    + dash(l.description()), 9, 12);
        }
    }

    private void info(PDDocument document, Claim claim, Instant now) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("专题事故报告 " + claim.getId());
        info.setSubject("Special incident report (seed 000 §第三條 6.2)");
        info.setCreator("Mall Service Desk claims-service");
        Calendar created = GregorianCalendar.from(now.atZone(zone));
        info.setCreationDate(created);
    }

    private String time(Instant at) {
        return at == null ? "—" : TIME.format(at.atZone(zone));
    }

    private static String place(Claim c) {
        List<String> parts = new ArrayList<>();
        Location l = c.getLocation();
        if (l != null) {
            if (l.floor() != null) {
                parts.add(l.floor());
            }
            if (l.zone() != null) {
                parts.add(l.zone() + " 区");
            }
            if (l.unit() != null) {
                parts.add(l.unit());
            }
        }
        if (c.getPlaceDescription() != null) {
            parts.add(c.getPlaceDescription());
        }
        return String.join(" ", parts);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? "—" : amount.toPlainString() + " 元";
    }

    private static String join(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining(";"));
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String action(String code) {
        return switch (code) {
            case "OPENED" -> "立案";
            case "FACTS_UPDATED" -> "更新事故信息";
            case "HANDLER_ASSIGNED" -> "指定处理人";
            case "STEP_DONE" -> "完成步骤";
            case "STEP_NOT_APPLICABLE" -> "步骤不适用";
            case "STEP_OVERDUE" -> "步骤逾期";
            case "STAGE_CHANGED" -> "进入下一阶段";
            case "INSURER_REPORT_REQUESTED" -> "发起保险报案";
            case "REPORTED_TO_INSURER" -> "已向保险公司报案";
            case "ADVANCE_PAID" -> "垫付";
            case "ADVANCE_AWAITING_APPROVAL" -> "超额垫付待审批";
            case "ADVANCE_APPROVED" -> "批准超额垫付";
            case "EVIDENCE_ADDED" -> "添加证据";
            case "WITNESS_RECORDED" -> "记录证人";
            case "COST_RECORDED" -> "记录费用";
            case "COST_SETTLED" -> "费用理赔";
            case "REQUEST_LINKED" -> "关联报事";
            default -> code;
        };
    }
}
