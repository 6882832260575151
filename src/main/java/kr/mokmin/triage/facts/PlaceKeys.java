package kr.mokmin.triage.facts;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The place keys of a complaint for the duplicate index: the normalized place facts ({@code road:…}, {@code lot:…},
 * {@code landmark:…} name a place; {@code dong:…} an area, which alone does not make two complaints "same place").
 */
public final class PlaceKeys {

    private PlaceKeys() {
    }

    public static Set<String> of(List<Fact> facts) {
        Set<String> keys = new LinkedHashSet<>();
        for (Fact f : facts) {
            switch (f.type()) {
                case ROAD_ADDRESS, LOT_ADDRESS, DONG, LANDMARK -> keys.add(f.normalized());
                default -> {
                }
            }
        }
        return keys;
    }
}
