package kr.mokmin.triage.facts;

import java.util.List;

/** Pulls places, dates and times, amounts, plates, phone numbers and referenced laws out of complaint text. */
public interface FactExtractor {

    /** Facts in text order; overlapping candidates are resolved (the longer, more specific one wins). */
    List<Fact> extract(String text);
}
