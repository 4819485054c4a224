package com.mallservicedesk.intake.notice;

import com.mallservicedesk.platform.store.KeyConversion;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/** Gives the notices published before their list was read by key their key in it, so the list shows them. */
@Component
class NoticeLogKeys extends KeyConversion<Notice> {

    static final String NAME = "notice-log-keys";

    NoticeLogKeys(ReactiveMongoTemplate mongo) {
        super(mongo, NAME, Notice.class, Notice.LOG_KEY, () -> Criteria.where("mallId").exists(true), Notice::placeInLog,
                "Notices: {} notices published before their list was read by key were given their key");
    }
}
