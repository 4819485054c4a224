package com.mallservicedesk.callback.followup;

/** How the customer was reached (seed 000 §4.8: by phone or in person; WeChat/QQ per seed 001). */
public enum CallbackMethod {
    PHONE, VISIT, WECHAT, QQ
}
