package kr.mokmin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading the index's {@code <mark>} HTML into text + spans, and rendering it back safely. */
class SnippetTest {

    @Test
    void marksBecomeSpansOverThePlainText() {
        Snippet s = Snippet.fromMarkedHtml("<mark>불법주차</mark> <mark>과태료</mark>는 시장이 부과한다");
        assertThat(s.text()).isEqualTo("불법주차 과태료는 시장이 부과한다");
        assertThat(s.highlights()).containsExactly(new Snippet.Span(0, 4), new Snippet.Span(5, 8));
        assertThat(s.highlightedTexts()).containsExactly("불법주차", "과태료");
        assertThat(s.segments()).containsExactly(new Snippet.Segment("불법주차", true), new Snippet.Segment(" ", false),
                new Snippet.Segment("과태료", true), new Snippet.Segment("는 시장이 부과한다", false));
    }

    @Test
    void characterReferencesAreDecodedAsTheHighlighterWritesThem() {
        // Lucene's DefaultPassageFormatter escapes &<>"'/ by name or hex and other ASCII punctuation as &#NN;
        Snippet s = Snippet.fromMarkedHtml("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2F;script&gt;&#32;&amp;&#40;<mark>견인</mark>&#41;&quot;");
        assertThat(s.text()).isEqualTo("<script>alert('x')</script> &(견인)\"");
        assertThat(s.highlightedTexts()).containsExactly("견인");
    }

    @Test
    void htmlEscapesEverythingButTheMarks() {
        Snippet s = Snippet.fromMarkedHtml("&lt;b onclick=&quot;x()&quot;&gt;<mark>현장</mark>&lt;/b&gt; &amp; &#39;");
        assertThat(s.html()).isEqualTo("&lt;b onclick=&quot;x()&quot;&gt;<mark>현장</mark>&lt;/b&gt; &amp; &#39;");
        assertThat(s.html().replace("<mark>", "").replace("</mark>", "")).doesNotContain("<", ">", "\"");
    }

    @Test
    void foreignMarkupStaysLiteralTextAndCannotBecomeATag() {
        // raw tags would never come from the highlighter; if they did, they are text, not markup
        Snippet s = Snippet.fromMarkedHtml("<img src=x onerror=alert(1)><mark>a<mark>b</mark></mark>c &bogus; &");
        assertThat(s.text()).isEqualTo("<img src=x onerror=alert(1)>a<mark>b</mark>c &bogus; &");
        assertThat(s.highlightedTexts()).containsExactly("a<mark>b");
        assertThat(s.html()).startsWith("&lt;img src=x onerror=alert(1)&gt;<mark>a&lt;mark&gt;b</mark>&lt;/mark&gt;c");
    }

    @Test
    void whitespaceIsFoldedAndTrimmedWithTheSpansShifted() {
        Snippet s = Snippet.fromMarkedHtml("&#10;  제19조\n\t(<mark>처리기간</mark>의 <mark>계산</mark>)   ");
        assertThat(s.text()).isEqualTo("제19조 (처리기간의 계산)");
        assertThat(s.highlightedTexts()).containsExactly("처리기간", "계산");
    }

    @Test
    void adjacentMarksAreOneHighlightAndEmptyOrUnclosedOnesAreHandled() {
        assertThat(Snippet.fromMarkedHtml("<mark>민원</mark><mark>처리기</mark>준표").highlightedTexts())
                .containsExactly("민원처리기");
        assertThat(Snippet.fromMarkedHtml("a<mark></mark>b").highlights()).isEmpty();
        assertThat(Snippet.fromMarkedHtml("a <mark>b").highlightedTexts()).containsExactly("b");
        assertThat(Snippet.fromMarkedHtml(null)).isEqualTo(Snippet.EMPTY);
        assertThat(Snippet.fromMarkedHtml("").html()).isEmpty();
    }

    @Test
    void spansMustLieInsideTheTextInOrder() {
        assertThatThrownBy(() -> new Snippet("abc", List.of(new Snippet.Span(1, 4))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snippet("abcdef", List.of(new Snippet.Span(2, 4), new Snippet.Span(3, 5))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Snippet.Span(2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
