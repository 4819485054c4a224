package com.mallservicedesk.callback.policy;

/**
 * When a callback is due after the work order returns (返單).
 * <ul>
 * <li>{@link #NEXT_DAY}: on the front desk's next working day (seed 000 §4.4.4 "返單後的第二天", §4.8 "每日當班時對前一天的服務
 * ... 組織回訪"); the mall default.</li>
 * <li>{@link #WITHIN_24H}: within 24 hours of completion (seed 001 §二.5, campuses).</li>
 * </ul>
 */
public enum CallbackTiming {
    NEXT_DAY, WITHIN_24H
}
