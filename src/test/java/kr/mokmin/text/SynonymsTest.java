package kr.mokmin.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

class SynonymsTest {

    private final Synonyms korean = Synonyms.korean();

    @Test
    void citizensWordsExpandToTheOrdinancesWords() {
        assertThat(korean.expansions("불법주차 신고하려면")).contains("주정차위반", "불법주정차");
        assertThat(korean.expansions("아파트 쓰레기 버리는 날")).contains("폐기물");
        assertThat(korean.expansions("등본 떼는 곳")).containsExactly("주민등록등본");
        assertThat(korean.expansions("수급자 선정기준")).contains("기초생활수급자", "수급권자");
        assertThat(korean.expansions("포트홀")).contains("도로파손");
    }

    @Test
    void spacingInTheQueryDoesNotMatter() {
        assertThat(korean.expansions("불법 주차 과태료")).contains("주정차위반");
        assertThat(korean.expansions("도로 파손 신고")).contains("포트홀");
    }

    @Test
    void membersAlreadyInTheQueryAreNotRepeated() {
        assertThat(korean.expansions("주민등록등본 발급")).doesNotContain("주민등록등본", "등본");
    }

    @Test
    void unrelatedQueriesExpandToNothing() {
        assertThat(korean.expansions("건축허가 신청 서류")).isEmpty();
        assertThat(korean.expansions("")).isEmpty();
        assertThat(korean.expansions("?!")).isEmpty();
    }

    @Test
    void parsesTheResourceFormat() throws IOException {
        Synonyms parsed = Synonyms.parse(new StringReader("# comment\n\n가로등, 보안등 ,\n포트홀,도로파손\n"));
        assertThat(parsed.groups()).containsExactly(List.of("가로등", "보안등"), List.of("포트홀", "도로파손"));
        assertThat(Synonyms.none().expansions("가로등")).isEmpty();
    }

    @Test
    void rejectsMembersTooShortToMatchSafely() {
        assertThatThrownBy(() -> new Synonyms(List.of(List.of("개", "반려견"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyShippedMemberIsAtLeastTwoCharacters() {
        assertThat(korean.groups()).allSatisfy(group -> assertThat(group).allSatisfy(
                member -> assertThat(KoreanText.withoutSpaces(member)).hasSizeGreaterThanOrEqualTo(2)));
        assertThat(korean.groups().size()).isGreaterThan(20);
    }
}
