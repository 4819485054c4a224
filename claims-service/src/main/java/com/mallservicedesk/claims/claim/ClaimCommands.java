package com.mallservicedesk.claims.claim;

import com.mallservicedesk.claims.stage.ClaimStage;
import com.mallservicedesk.platform.web.PlausibleTime;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The bodies of the claim endpoints. Amounts are exact decimals in CNY: not negative, at most two decimals. Times lie
 * between 2000 and 2099 ({@link PlausibleTime}).
 */
final class ClaimCommands {

    private ClaimCommands() {
    }

    record AssignHandler(@NotBlank @Size(max = 100) String handlerId, @NotBlank @Size(max = 100) String handlerName) {
    }

    /** @param status DONE or NOT_APPLICABLE; doneAt defaults to now */
    record Check(@NotNull CheckItem.Status status, @PastOrPresent @PlausibleTime Instant doneAt,
                 @Size(max = 1000) String note) {
    }

    /** @param outcome and, for SETTLED, settledAmountCny: required to archive */
    record MoveStage(@NotNull ClaimStage stage, ClaimStage.Outcome outcome,
                     @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal settledAmountCny,
                     @Size(max = 1000) String note) {
    }

    record LinkRequest(@NotBlank @Size(max = 100) String requestId, @Size(max = 100) String number,
                       @Size(max = 40) String kind, @Size(max = 2000) String description,
                       @PlausibleTime Instant receivedAt,
                       @Size(max = 1000) String note) {
    }

    record PhoneReport(@NotNull @PastOrPresent @PlausibleTime Instant calledAt, @Size(max = 100) String insurerReference,
                       @Size(max = 1000) String note) {
    }

    record RequestAdvance(@NotNull @DecimalMin(value = "0.00", inclusive = false) @Digits(integer = 12, fraction = 2)
                          BigDecimal amountCny,
                          @NotBlank @Size(max = 500) String purpose,
                          @NotBlank @Size(max = 200) String paidTo) {
    }

    record ApproveAdvance(@NotBlank @Size(max = 1000) String reason) {
    }

    record RecordWitness(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 200) String contact,
                         @Size(max = 4000) String statement, Boolean signed, @Size(max = 100) String statementEvidenceId) {
    }

    record RecordCost(@NotBlank @Size(max = 100) String kind, @Size(max = 1000) String description,
                      @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal amountCny,
                      @Size(max = 100) String invoiceNumber, @Size(max = 100) String invoiceEvidenceId) {
    }

    record SettleCost(@NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal settledAmountCny) {
    }
}
