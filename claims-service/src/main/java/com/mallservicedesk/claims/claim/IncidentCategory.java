package com.mallservicedesk.claims.claim;

/** The typical covered cases of a public-liability policy (seed 000 §第三條, 注意事項). */
public enum IncidentCategory {
    /** 擁擠、踐踏 inside the red line. */
    CROWDING_TRAMPLING,
    /** 路滑摔倒; whether a warning sign was up is recorded with it. */
    SLIP,
    /** 乘坐電梯 (escalator or lift). */
    ESCALATOR_LIFT,
    /** 人車混流. */
    PEDESTRIAN_VEHICLE,
    /** 停車場第三人人身傷害. */
    CAR_PARK_THIRD_PARTY,
    OTHER
}
