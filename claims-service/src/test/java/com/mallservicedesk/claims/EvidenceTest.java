package com.mallservicedesk.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallservicedesk.platform.test.TestTokens;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/** Evidence in GridFS: upload with checksum, download scoped to the mall, size and type limits; witnesses and costs. */
class EvidenceTest extends ClaimsIntegrationTest {

    private final String mall = newMall();

    @Test
    void aPhotoIsStoredWithItsChecksumAndComesBackUnchangedOnlyToItsMall() throws Exception {
        String id = (String) register(mall, slipFacts()).get("id");
        byte[] photo = TestFiles.photo("png");

        var item = body(upload(mall, id, TestFiles.upload(photo, "scene.png", MediaType.IMAGE_PNG, "PHOTO"))
                .expectStatus().isCreated());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
        assertThat(item).containsEntry("kind", "PHOTO").containsEntry("sha256", sha)
                .containsEntry("contentType", "image/png").containsEntry("filename", "scene.png")
                .containsEntry("placeWritten", "1F 中庭扶梯东侧").containsEntry("takenAt", "2026-11-20T06:35:00Z")
                .containsEntry("uploadedBy", "front-desk-" + mall).containsEntry("size", photo.length);
        assertThat(item.get("thumbnailId")).isNotNull();
        String evidenceId = (String) item.get("id");

        byte[] downloaded = get(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/evidence/{e}", mall, id, evidenceId)
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.IMAGE_PNG)
                .expectHeader().value("Repr-Digest", d -> assertThat(d).startsWith("sha-256=:"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(downloaded).isEqualTo(photo);

        // The photo checks the checklist step it proves.
        @SuppressWarnings("unchecked")
        var checklist = (List<Map<String, Object>>) claim(mall, id).get("checklist");
        assertThat(checklist).filteredOn(i -> "PHOTOS_TAKEN".equals(i.get("item"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("status", "DONE"));

        // Another mall: forbidden on this mall's path, not found on its own.
        String other = newMall();
        get(frontDesk(other), "/api/v1/malls/{mall}/claims/{id}/evidence/{e}", mall, id, evidenceId)
                .expectStatus().isForbidden();
        get(frontDesk(other), "/api/v1/malls/{mall}/claims/{id}/evidence/{e}", other, id, evidenceId)
                .expectStatus().isNotFound();
        // And a claim of another mall cannot name this mall's file.
        String otherClaim = (String) register(other, slipFacts()).get("id");
        get(frontDesk(other), "/api/v1/malls/{mall}/claims/{id}/evidence/{e}", other, otherClaim, evidenceId)
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("evidence-not-found");
        get(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/evidence", mall, id).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.total").isEqualTo(1);
    }

    @Test
    void uploadsOverTheSizeLimitOrOfAnotherTypeAreRefusedWithProblems() {
        String id = (String) register(mall, slipFacts()).get("id");

        upload(mall, id, TestFiles.upload(TestFiles.pdf(1024 * 1024 + 1), "big.pdf", MediaType.APPLICATION_PDF,
                "POLICE_REPORT"))
                .expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("evidence-too-large").jsonPath("$.status").isEqualTo(413);
        upload(mall, id, TestFiles.upload("hello".getBytes(), "note.txt", MediaType.TEXT_PLAIN, "OTHER"))
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("evidence-type-not-allowed");
        upload(mall, id, TestFiles.upload(TestFiles.photo("png"), "fake.jpg", MediaType.IMAGE_JPEG, "PHOTO"))
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("evidence-content-mismatch");
        upload(mall, id, TestFiles.upload(TestFiles.pdf(2048), "report.pdf", MediaType.APPLICATION_PDF, "SELFIE"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/evidence", Map.of("kind", "PHOTO"), mall, id)
                .expectStatus().isEqualTo(415);
        // A document just under the limit is fine, and has no thumbnail.
        upload(mall, id, TestFiles.upload(TestFiles.pdf(1024 * 1024), "police.pdf", MediaType.APPLICATION_PDF,
                "POLICE_REPORT")).expectStatus().isCreated().expectBody().jsonPath("$.thumbnailId").doesNotExist();
        assertThat((List<?>) claim(mall, id).get("evidence")).hasSize(1);
    }

    @Test
    void witnessesWithSignedStatementsAndCostsFollowedToSettlement() {
        String id = (String) register(mall, slipFacts()).get("id");
        var statement = body(upload(mall, id, TestFiles.upload(TestFiles.pdf(4096), "statement.pdf",
                MediaType.APPLICATION_PDF, "WITNESS_STATEMENT")).expectStatus().isCreated());

        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/witnesses", Map.of("name", "路人王先生",
                "contact", "13900001111", "statement", "看到顾客在湿滑处滑倒", "signed", true,
                "statementEvidenceId", statement.get("id")), mall, id).expectStatus().isCreated();
        post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/witnesses", Map.of("name", "x", "contact", "y",
                "statementEvidenceId", "ev-unknown"), mall, id)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("evidence-unknown");

        var cost = body(post(frontDesk(mall), "/api/v1/malls/{mall}/claims/{id}/costs", Map.of("kind", "医药费",
                "amountCny", "356.80", "invoiceNumber", "No.00012345"), mall, id).expectStatus().isCreated());
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/costs/{c}/settle",
                Map.of("settledAmountCny", "356.80"), mall, id, cost.get("id"))
                .expectStatus().isOk().expectBody().jsonPath("$.settled").isEqualTo(true);
        post(TestTokens.supervisor(mall), "/api/v1/malls/{mall}/claims/{id}/costs/{c}/settle",
                Map.of("settledAmountCny", "1"), mall, id, cost.get("id")).expectStatus().isEqualTo(409);

        var claim = claim(mall, id);
        @SuppressWarnings("unchecked")
        var checklist = (List<Map<String, Object>>) claim.get("checklist");
        assertThat(checklist).filteredOn(i -> "WITNESS_FOUND".equals(i.get("item"))).singleElement()
                .satisfies(i -> assertThat(i).containsEntry("status", "DONE"));
        assertThat((List<?>) claim.get("witnesses")).hasSize(1);
    }

    private WebTestClient.ResponseSpec upload(String mallId, String claimId, MultipartBodyBuilder parts) {
        return web.post().uri("/api/v1/malls/{mall}/claims/{id}/evidence", mallId, claimId)
                .headers(h -> h.setBearerAuth(frontDesk(mallId)))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(parts.build()))
                .exchange();
    }
}
