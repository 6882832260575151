package kr.mokmin.triage.pii;

import java.util.List;

/** Finds one kind (or a family) of personal information. Implementations are stateless and thread-safe. */
interface PiiDetector {

    /** Adds every candidate found in {@code text} to {@code out}; overlaps are the resolver's business. */
    void detect(PiiText text, List<Candidate> out);
}
