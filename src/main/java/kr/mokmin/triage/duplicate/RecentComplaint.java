package kr.mokmin.triage.duplicate;

import java.time.Instant;
import java.util.Set;

/**
 * What the duplicate index keeps of a complaint (masked text only).
 *
 * @param placeKeys normalized place facts (road/lot address, 동, landmark) for "same place" matching
 */
public record RecentComplaint(String receiptNo, String maskedTitle, String maskedBody, Set<String> placeKeys,
                              String departmentCode, Instant receivedAt) {
    public RecentComplaint {
        placeKeys = placeKeys == null ? Set.of() : Set.copyOf(placeKeys);
    }
}
