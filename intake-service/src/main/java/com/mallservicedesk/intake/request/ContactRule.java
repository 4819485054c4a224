package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.problem.FieldErrors;
import java.util.Set;
import org.springframework.http.HttpStatus;

/**
 * Seed 000 §4.3: every call and visit goes into the reception log with the customer's name and how to reach them
 * (注明時間、顧客姓名、聯系方式). A customer who will not give them is registered as anonymous, and says so.
 */
final class ContactRule {

    /** The channels where the front desk speaks with the customer and can ask for name and number. */
    static final Set<Channel> NAMED_CHANNELS = Set.of(Channel.PHONE, Channel.VISIT);

    private ContactRule() {
    }

    /** Throws 422 {@code customer-contact-required}, naming each missing field, unless the contact may go without. */
    static void check(RegisterRequest command) {
        if (!NAMED_CHANNELS.contains(command.channel()) || command.isAnonymous()) {
            return;
        }
        var missing = new FieldErrors();
        Customer customer = command.customer();
        if (customer == null || isBlank(customer.name())) {
            missing.add("customer.name", "required-unless-anonymous");
        }
        if (customer == null || isBlank(customer.phone())) {
            missing.add("customer.phone", "required-unless-anonymous");
        }
        if (!missing.isEmpty()) {
            throw missing.problem(HttpStatus.UNPROCESSABLE_CONTENT, "customer-contact-required", command.channel());
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
