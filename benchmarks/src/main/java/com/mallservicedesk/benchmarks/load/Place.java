package com.mallservicedesk.benchmarks.load;

import java.util.List;

/** Where a request is registered: a mall, a floor (1F … 8F) and a zone (A … F). */
public record Place(String mall, String floor, String zone) {

    static final int FLOORS = 8;
    static final int ZONES = 6;

    /**
     * The place of the request with this sequence number: consecutive requests go to consecutive malls, then walk
     * the floors, then the zones, so every mall, floor and zone fills evenly.
     */
    public static Place of(long sequence, List<String> malls) {
        int mallCount = malls.size();
        long floor = sequence / mallCount % FLOORS;
        long zone = sequence / ((long) mallCount * FLOORS) % ZONES;
        return new Place(malls.get((int) (sequence % mallCount)), (1 + floor) + "F", String.valueOf((char) ('A' + zone)));
    }
}
