package kr.mokmin.search;

import java.util.regex.Pattern;

/** What every adapter does to a highlighted passage before it becomes {@link SearchHit#snippet()}. */
public final class Snippets {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Snippets() {
    }

    /**
     * One line, without the punctuation a passage cut at a word boundary can start with (". 다만 …"). Safe on the
     * escaped HTML: it removes only whitespace and plain punctuation, never part of an entity or a tag.
     */
    public static String tidy(String snippet) {
        if (snippet == null) {
            return "";
        }
        String oneLine = WHITESPACE.matcher(snippet).replaceAll(" ").strip();
        int start = 0;
        while (start < oneLine.length() && ".,;:)]}」』·ㆍ ".indexOf(oneLine.charAt(start)) >= 0) {
            start++;
        }
        return oneLine.substring(start);
    }
}
