package com.mallservicedesk.benchmarks.load;

import java.util.List;

/**
 * What callers say when they report a repair, in the words a front desk writes down. A mall's day mixes many faults,
 * so the free-text index of a day holds many words with a few requests each, as it would in use; one sentence for
 * every request would post each request under the same few dozen words and make the index's daily documents the
 * largest part of the work.
 */
final class RepairDescriptions {

    static final List<String> ALL = List.of(
            "洗手間水龍頭漏水,地面有積水",
            "女洗手間第三格馬桶堵塞",
            "男洗手間感應小便器不沖水",
            "扶梯運行時有異響",
            "客梯按鈕失靈,按了沒有反應",
            "中庭燈帶有一段不亮",
            "停車場出口道閘抬不起來",
            "空調出風口滴水,滴到顧客身上",
            "餐飲區空調不製冷,溫度偏高",
            "商鋪門口地磚鬆動翹起",
            "消防通道門閉門器損壞",
            "母嬰室尿布台搭扣斷裂",
            "服務台電話沒有聲音",
            "商鋪電錶跳閘,店內停電",
            "玻璃護欄有裂紋,需要更換",
            "排煙口百葉脫落",
            "天花板石膏板有水漬,可能樓上漏水",
            "飲水機不出熱水",
            "自動門感應不靈,開關很慢",
            "地下室排水溝有異味",
            "指示牌燈箱不亮",
            "吸煙區煙灰桶損壞",
            "垃圾房門鎖壞了,無法上鎖",
            "商鋪捲簾門卡住,拉不下來");

    private RepairDescriptions() {
    }

    /**
     * The description of the request with this sequence number: the number scrambled (Fibonacci hashing) picks one,
     * so that a place, which comes round again every malls × floors × zones requests, hears of different faults.
     */
    static String of(long sequence) {
        return ALL.get((int) ((sequence * 0x9E3779B97F4A7C15L >>> 32) % ALL.size()));
    }
}
