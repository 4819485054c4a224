package com.mallservicedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** The special incident report (專題事故報告) renders as a PDF in Chinese with its font embedded. */
class IncidentReportTest extends ClaimsIntegrationTest {

    private final String mall = newMall();

    @Test
    void theReportHoldsTheFactsTimelineEvidenceCostsCauseAndCorrectiveActions() throws Exception {
        var facts = slipFacts();
        facts.put("cause", "地面清洁后未及时擦干,警示牌位置不明显");
        facts.put("correctiveActions", "清洁后立即擦干并在扶梯口加设警示牌;保洁巡查改为每小时一次");
        String id = (String) register(mall, facts).get("id");
        web.post().uri("/api/v1/malls/{mall}/claims/{id}/evidence", mall, id)
                .headers(h -> h.setBearerAuth(frontDesk(mall)))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(TestFiles.upload(TestFiles.photo("jpg"), "现场.jpg",
                        MediaType.IMAGE_JPEG, "PHOTO").build()))
                .exchange().expectStatus().isCreated();
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/advances", Map.of("amountCny", "680.00",
                "purpose", "急诊费", "paidTo", "市第一人民医院"), mall, id).expectStatus().isCreated();
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/witnesses", Map.of("name", "路人王先生",
                "contact", "13900001111", "statement", "看到顾客在湿滑处滑倒", "signed", true), mall, id)
                .expectStatus().isCreated();

        byte[] pdf = get(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/incident-report", mall, id)
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("专题事故报告", "事故概况", "路滑摔倒", "当时已设警示标识", "中庭扶梯东侧",
                    "顾客李女士在中庭扶梯旁地面湿滑处滑倒", "李梅", "1101**********1234", "某某科技公司", "手机",
                    "3500.50 元", "处理经过", "立案", "拨打 120 救护电话", "证据", "照片", "现场.jpg", "路人王先生",
                    "垫付 680.00 元", "原因分析", "地面清洁后未及时擦干", "整改措施", "保洁巡查改为每小时一次");
            assertThat(text).doesNotContain("110101199003071234");

            List<PDFont> fonts = new ArrayList<>();
            List<PDImageXObject> images = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                        images.add(image);
                    }
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).isTrue());
            assertThat(images).as("the photo's thumbnail").hasSize(1);
        }

        get(TestTokens.supervisor("OTHER" + mall), "/api/v1/malls/{mall}/claims/{id}/incident-report", "OTHER" + mall, id)
                .expectStatus().isNotFound();
    }
}
