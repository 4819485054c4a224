package com.mallservicedesk.callback.proactive;

import com.mallservicedesk.callback.followup.ProactiveTarget;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Picks the day's tenants at random (seed 000 §4.5.1: 隨機選擇業戶進行回訪), reproducibly: the same mall, day and roster
 * always give the same tenants, on any instance and after a restart. The random source is seeded from the mall and the
 * day; {@link Random}'s algorithm is fixed by its specification.
 */
final class DailySampler {

    private DailySampler() {
    }

    static List<ProactiveTarget> pick(List<ProactiveTarget> roster, String mallId, LocalDate date, int size) {
        List<ProactiveTarget> pool = new ArrayList<>(roster);
        pool.sort(Comparator.comparing(ProactiveTarget::tenantId));
        Random random = new Random(seed(mallId, date));
        int n = Math.min(Math.max(size, 0), pool.size());
        // The first n steps of a Fisher–Yates shuffle.
        for (int i = 0; i < n; i++) {
            Collections.swap(pool, i, i + random.nextInt(pool.size() - i));
        }
        return List.copyOf(pool.subList(0, n));
    }

    static long seed(String mallId, LocalDate date) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((mallId + "|" + date).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
