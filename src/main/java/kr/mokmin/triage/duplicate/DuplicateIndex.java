package kr.mokmin.triage.duplicate;

import java.util.List;
import java.util.Set;

/**
 * Recent complaints in memory, for near-duplicate detection and groups of 빈발·중복 민원. Thread-safe; entries older
 * than the configured window are forgotten.
 */
public interface DuplicateIndex {

    void add(RecentComplaint complaint);

    void remove(String receiptNo);

    /** The most similar recent complaints, best first, at most {@code k}. */
    List<SimilarComplaint> similar(String maskedTitle, String maskedBody, Set<String> placeKeys, int k);

    /** Groups of near-duplicate complaints (two or more members each), largest first, so one answer can serve a group. */
    List<ComplaintGroup> groups();

    record ComplaintGroup(String label, List<String> receiptNos) {
    }
}
