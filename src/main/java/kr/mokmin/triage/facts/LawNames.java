package kr.mokmin.triage.facts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Known law names, looked up without spaces (citizens write 민원처리에관한법률 and 민원 처리에 관한 법률 alike) and with
 * the short names people use (민원처리법, 정보공개법). The list is {@code law-names.txt} next to this class: the
 * statutes and ordinances of the demo knowledge base and of the shared law corpus, plus commonly cited ones.
 */
final class LawNames {

    /** Short names in common use, mapped to the official title. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("민원처리법", "민원 처리에 관한 법률"),
            Map.entry("민원법", "민원 처리에 관한 법률"),
            Map.entry("정보공개법", "공공기관의 정보공개에 관한 법률"),
            Map.entry("개인정보법", "개인정보 보호법"),
            Map.entry("소음진동법", "소음ㆍ진동관리법"),
            Map.entry("소음진동관리법", "소음ㆍ진동관리법"),
            Map.entry("옥외광고물법", "옥외광고물 등의 관리와 옥외광고산업 진흥에 관한 법률"),
            Map.entry("장사법", "장사 등에 관한 법률"),
            Map.entry("기초생활보장법", "국민기초생활 보장법"),
            Map.entry("국민기초생활보장법", "국민기초생활 보장법"),
            Map.entry("가족관계등록법", "가족관계의 등록 등에 관한 법률"),
            Map.entry("청탁금지법", "부정청탁 및 금품등 수수의 금지에 관한 법률"),
            Map.entry("김영란법", "부정청탁 및 금품등 수수의 금지에 관한 법률"),
            Map.entry("집합건물법", "집합건물의 소유 및 관리에 관한 법률"),
            Map.entry("도시정비법", "도시 및 주거환경정비법"),
            Map.entry("국토계획법", "국토의 계획 및 이용에 관한 법률"),
            Map.entry("교특법", "교통사고처리 특례법"),
            Map.entry("권익위법", "부패방지 및 국민권익위원회의 설치와 운영에 관한 법률"));

    private final Map<String, String> officialBySpaceless;
    private final int longest;

    private LawNames(Map<String, String> officialBySpaceless) {
        this.officialBySpaceless = Map.copyOf(officialBySpaceless);
        this.longest = officialBySpaceless.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    static LawNames bundled() {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = LawNames.class.getResourceAsStream("law-names.txt")) {
            if (in == null) {
                throw new IllegalStateException("law-names.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.put(key(name), name);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ALIASES.forEach((alias, official) -> names.putIfAbsent(key(alias), official));
        return new LawNames(names);
    }

    /** The official title for a name as written, or null when it is not a known law. */
    String official(String written) {
        return officialBySpaceless.get(key(written));
    }

    /** Longest known name, in characters without spaces: how far back a lookup needs to reach. */
    int longest() {
        return longest;
    }

    /** Spaces and middle dots dropped: 소음·진동관리법, 소음ㆍ진동관리법 and 소음진동관리법 are one name. */
    static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isWhitespace(c) && c != '·' && c != 'ㆍ' && c != '・' && c != '「' && c != '」') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
