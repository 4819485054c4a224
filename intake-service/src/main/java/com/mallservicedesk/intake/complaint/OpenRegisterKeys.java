package com.mallservicedesk.intake.complaint;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Gives the open complaint registers stored before their list was read by key their {@value
 * ComplaintRegister#OPEN_KEY}, so the supervisor's list shows them.
 */
@Component
class OpenRegisterKeys extends KeyConversion<ComplaintRegister> {

    static final String NAME = "complaint-register-open-keys";

    OpenRegisterKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, ComplaintRegister.class, ComplaintRegister.OPEN_KEY, () -> Criteria.where("open").is(true),
                ComplaintRegister::placeInOpenSet,
                "Complaint registers: {} open registers stored before their list was read by key were given their key");
    }
}
