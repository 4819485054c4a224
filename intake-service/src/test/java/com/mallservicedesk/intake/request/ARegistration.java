package com.mallservicedesk.intake.request;

import com.mallservicedesk.platform.store.Created;
import java.time.Instant;
import java.util.List;

/** Test data: a counter registration as the front desk sends it, a named phone call unless told otherwise. */
final class ARegistration {

    static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
    static final Owner DESK = new Owner("alice", "Alice");

    private Channel channel = Channel.PHONE;
    private RequestKind kind = RequestKind.REPAIR;
    private Customer customer = new Customer("王小姐", "13800000000", Customer.CustomerType.SHOPPER, null);
    private Boolean anonymous;
    private Boolean major;
    private List<String> relatedDepartments;
    private Boolean answeredOnSpot;
    private String answer;

    static ARegistration aPhoneCall() {
        return new ARegistration();
    }

    static ARegistration aVisit() {
        return new ARegistration().via(Channel.VISIT);
    }

    ARegistration via(Channel channel) {
        this.channel = channel;
        return this;
    }

    ARegistration about(RequestKind kind) {
        this.kind = kind;
        return this;
    }

    ARegistration from(String name, String phone) {
        this.customer = new Customer(name, phone, Customer.CustomerType.SHOPPER, null);
        return this;
    }

    ARegistration withoutCustomer() {
        this.customer = null;
        return this;
    }

    ARegistration anonymous() {
        this.anonymous = true;
        return this;
    }

    ARegistration major() {
        this.major = true;
        return this;
    }

    ARegistration alsoTelling(String... departments) {
        this.relatedDepartments = List.of(departments);
        return this;
    }

    ARegistration answeredOnSpot(String answer) {
        this.answeredOnSpot = true;
        this.answer = answer;
        return this;
    }

    RegisterRequest build() {
        return new RegisterRequest(channel, kind, "三樓洗手間漏水", null, new Location("3F", "B", null), customer, T0, null,
                answeredOnSpot, answer, anonymous, major, relatedDepartments);
    }

    Created<ServiceRequest> register() {
        return ServiceRequest.registerAtCounter("req-1", "M001", "M001-20261123-0001", build(), DESK, null,
                ServiceRequestRulesTest.LIMITS, T0);
    }
}
