package kr.mokmin.triage.facts;

/** A one-line extractive summary of a complaint for queue views (no model). */
public interface Summarizer {

    /** One line, at most {@code maxChars} characters, taken from the complaint's own words. */
    String summarize(String title, String body, int maxChars);
}
