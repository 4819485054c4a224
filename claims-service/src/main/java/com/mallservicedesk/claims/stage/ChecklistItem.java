package com.mallservicedesk.claims.stage;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Each step the seed names for a stage (seed 000 §第三條 4.1, 4.2), with how long after the stage began it is due
 * unless the mall's policy says otherwise. A stage is left only when its items are done or marked not applicable.
 */
public enum ChecklistItem {
    // 4.2.1 應急措施
    CS_DEPARTMENT_NOTIFIED(ClaimStage.IMMEDIATE_ACTION, "4.2.1(1)", "当值人员通报物业客服部", Duration.ofMinutes(15)),
    SCENE_SECURED(ClaimStage.IMMEDIATE_ACTION, "4.2.1(2)", "客服、安保保护事发现场", Duration.ofMinutes(30)),
    // 4.2.3 善後處理
    AMBULANCE_CALLED(ClaimStage.IMMEDIATE_ACTION, "4.2.3(1)", "拨打 120 救护电话", Duration.ofMinutes(10)),
    STAFF_ACCOMPANIES(ClaimStage.IMMEDIATE_ACTION, "4.2.3(3)", "客服人员随同就医并告知院方用药仅限医保范畴", Duration.ofHours(2)),
    // 4.2.4 證據記錄
    POLICE_INFORMED(ClaimStage.IMMEDIATE_ACTION, "4.2.4(1)", "报警并通报事情经过", Duration.ofHours(1)),
    // 4.2.2 通報保險公司
    INSURER_NOTIFIED(ClaimStage.IMMEDIATE_ACTION, "4.2.2", "通报保险公司(95518)", Duration.ofHours(24)),
    WITNESS_FOUND(ClaimStage.IMMEDIATE_ACTION, "4.2.4(2)", "无关第三人的联系方式及签名证言", Duration.ofHours(24)),
    PHOTOS_TAKEN(ClaimStage.IMMEDIATE_ACTION, "4.2.4(3)", "拍照记录(时间日期准确,白纸黑字注明地点)", Duration.ofHours(2)),
    BELONGINGS_RECORDED(ClaimStage.IMMEDIATE_ACTION, "4.2.4(4)", "保存并记录受伤者物品损失", Duration.ofHours(24)),
    HANDED_TO_CUSTOMER_SERVICE(ClaimStage.IMMEDIATE_ACTION, "4.2.3(6)", "第二天将善后处理移交客服部跟进", Duration.ofHours(36)),
    // 4.1 索賠申請, 4.2.5
    WRITTEN_APPLICATION(ClaimStage.APPLICATION, "4.1", "书面索赔申请", Duration.ofDays(7)),
    INJURED_COMFORTED(ClaimStage.APPLICATION, "4.1", "细心安抚伤者", Duration.ofDays(3)),
    LOSS_ESTIMATED(ClaimStage.APPLICATION, "4.1", "损失估算", Duration.ofDays(7)),
    ORIGINAL_INVOICES(ClaimStage.APPLICATION, "4.2.5(1)", "收集并保存相关费用原始发票", Duration.ofDays(14)),
    POLICE_OR_WITNESS_PROOF(ClaimStage.APPLICATION, "4.2.5(2)", "派出所证明或第三人证明材料", Duration.ofDays(14)),
    // 4.1 索賠辦理
    ADJUSTER_ASSIGNED(ClaimStage.HANDLING, "4.1", "保险公司理赔派员", Duration.ofDays(7)),
    ADJUSTER_DATA(ClaimStage.HANDLING, "4.1", "定损员资料", Duration.ofDays(14)),
    CLAIM_FILE(ClaimStage.HANDLING, "4.1, 6.1", "建立独立索赔档案", Duration.ofDays(14)),
    // 4.1 定損員協助, 4.2.5
    ON_SITE_ASSISTANCE(ClaimStage.ADJUSTER_ASSISTANCE, "4.1", "现场协助定损员", Duration.ofDays(7)),
    AFTERCARE_PLAN(ClaimStage.ADJUSTER_ASSISTANCE, "4.1", "善后方案", Duration.ofDays(14)),
    PRECISE_DATA(ClaimStage.ADJUSTER_ASSISTANCE, "4.1", "精确资料", Duration.ofDays(14)),
    INSPECTION_REPORT(ClaimStage.ADJUSTER_ASSISTANCE, "4.1", "检验报告", Duration.ofDays(30)),
    INSURER_FORMS(ClaimStage.ADJUSTER_ASSISTANCE, "4.2.5(3)", "在理赔员协助下填写保险公司表格", Duration.ofDays(30)),
    COSTS_FOLLOWED_UP(ClaimStage.ADJUSTER_ASSISTANCE, "4.2.5(4)", "追踪并落实相关费用", Duration.ofDays(60));

    private final ClaimStage stage;
    private final String seedSection;
    private final String label;
    private final Duration defaultDue;

    ChecklistItem(ClaimStage stage, String seedSection, String label, Duration defaultDue) {
        this.stage = stage;
        this.seedSection = seedSection;
        this.label = label;
        this.defaultDue = defaultDue;
    }

    public ClaimStage stage() {
        return stage;
    }

    /** Where in seed 000 §第三條 the step comes from. */
    public String seedSection() {
        return seedSection;
    }

    /** The step as the incident report names it (Chinese). */
    public String label() {
        return label;
    }

    public Duration defaultDue() {
        return defaultDue;
    }

    public static List<ChecklistItem> of(ClaimStage stage) {
        return Arrays.stream(values()).filter(item -> item.stage == stage).toList();
    }
}
