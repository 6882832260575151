package kr.mokmin.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Korean analyzers shared by every index adapter and by triage.
 *
 * <p>Two complementary analyses of the same text:
 * <ul>
 *   <li>{@link #nori()}: morphological (nori, mecab-ko-dic + {@code userdict_ko.txt}). Precise: 과태료는 →
 *       과태료, drops particles and endings.</li>
 *   <li>{@link #bigram()}: overlapping character bigrams of each Hangul/Hanja run. Knows no words, so it
 *       cannot be wrong about them: it still matches where nori mis-segments a rare compound, a new word
 *       (포트홀), a typo or unusual spacing.</li>
 * </ul>
 * Both first read Hanja as Hangul and split lists joined by middle dots ({@link KoreanCharFilter}:
 * 大型廢棄物 → 대형폐기물, 설치·운영 → 설치 운영). Analyzers are thread-safe (Lucene keeps per-thread token
 * stream components), so callers hold one instance.
 * Input is expected to be {@link KoreanText#normalize normalised} already.
 */
public final class KoreanAnalyzers {

    /**
     * MIXED keeps the compound and its parts (과태료 + 과태/료, 민원실 + 민원/실), so a query matches both the
     * whole word and its pieces, and user-dictionary compounds match both spellings. On the easylaw dev set
     * (docs/search.md) MIXED, DISCARD and NONE tie within noise once bigrams are added (nDCG@10 0.875, 0.875,
     * 0.879), so the mode is kept for that property.
     */
    public static final DecompoundMode DEFAULT_DECOMPOUND_MODE = DecompoundMode.MIXED;

    /** What the index drops: nori's defaults (particles, endings, punctuation, affixes). */
    public static final Set<POS.Tag> INDEX_STOP_TAGS =
            Set.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);

    /**
     * A question also carries words that say how it is asked, not what about ("어떻게 하나요?", "알려 주세요"):
     * verbs, adjectives, copulas and adverbs. Dropping them from the query leaves its content words.
     * The index keeps them, because a statute's verbs (부과하다, 취소하다) are content.
     */
    public static final Set<POS.Tag> QUERY_STOP_TAGS;

    static {
        EnumSet<POS.Tag> tags = EnumSet.copyOf(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        tags.addAll(EnumSet.of(POS.Tag.VV, POS.Tag.VA, POS.Tag.VX, POS.Tag.VCP, POS.Tag.VCN,
                POS.Tag.MAG, POS.Tag.MAJ, POS.Tag.NP, POS.Tag.IC));
        QUERY_STOP_TAGS = Set.copyOf(tags);
    }

    private static final String USER_DICTIONARY_RESOURCE = "userdict_ko.txt";

    private KoreanAnalyzers() {
    }

    /** The product's nori analyzer for indexing: {@link #DEFAULT_DECOMPOUND_MODE}, user dictionary. */
    public static Analyzer nori() {
        return nori(DEFAULT_DECOMPOUND_MODE, true, INDEX_STOP_TAGS);
    }

    /** The nori analyzer for queries: same segmentation as {@link #nori()}, {@link #QUERY_STOP_TAGS}. */
    public static Analyzer noriQuery() {
        return nori(DEFAULT_DECOMPOUND_MODE, true, QUERY_STOP_TAGS);
    }

    /**
     * {@link KoreanCharFilter} (Hanja readings, list separators) → nori tokenizer (punctuation discarded, no
     * unigrams for unknown words) → part-of-speech stop filter → nori's reading form filter (Hanja words the char filter
     * could not read, i.e. outside the Basic Multilingual Plane) → lower case (Latin words: "CCTV", "Wi-Fi").
     */
    public static Analyzer nori(DecompoundMode mode, boolean withUserDictionary, Set<POS.Tag> stopTags) {
        UserDictionary dictionary = withUserDictionary ? Holder.USER_DICTIONARY : null;
        Set<POS.Tag> tags = Set.copyOf(stopTags);
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY,
                        dictionary, mode, false, true);
                TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer, tags);
                stream = new KoreanReadingFormFilter(stream);
                stream = new LowerCaseFilter(stream);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new KoreanCharFilter(reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * Character bigrams: the standard (UAX#29) tokenizer splits on spaces and punctuation, full-width forms
     * are folded, Latin is lower-cased, and every Hangul/Hanja run becomes its overlapping bigrams (a lone
     * syllable stays a unigram). Runs mixing digits and Hangul ("제32조") stay one token, as UAX#29 keeps them.
     */
    public static Analyzer bigram() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKWidthFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HANGUL);
                return new TokenStreamComponents(tokenizer, stream);
            }

            @Override
            protected Reader initReader(String fieldName, Reader reader) {
                return new KoreanCharFilter(reader);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(new CJKWidthFilter(in));
            }
        };
    }

    /**
     * The terms {@code analyzer} makes of {@code text}, in order (tokens at the same position, as MIXED emits
     * for a compound and its parts, all included).
     */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            // analysing a String does no I/O; an IOException here is a bug in a filter
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /**
     * The shipped user dictionary as its entry lines, comments and blank lines left out: what another nori
     * (an OpenSearch {@code nori_tokenizer}'s {@code user_dictionary_rules}) needs to segment as this one does.
     */
    public static List<String> userDictionaryRules() {
        try (InputStream in = KoreanAnalyzers.class.getResourceAsStream(USER_DICTIONARY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + USER_DICTIONARY_RESOURCE);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + USER_DICTIONARY_RESOURCE, e);
        }
    }

    /** The shipped user dictionary of administrative terms (parsed once; immutable and thread-safe). */
    public static UserDictionary userDictionary() {
        return Holder.USER_DICTIONARY;
    }

    private static final class Holder {
        static final UserDictionary USER_DICTIONARY = loadUserDictionary();


        private static UserDictionary loadUserDictionary() {
            try (InputStream in = KoreanAnalyzers.class.getResourceAsStream(USER_DICTIONARY_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + USER_DICTIONARY_RESOURCE);
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    return UserDictionary.open(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + USER_DICTIONARY_RESOURCE, e);
            }
        }
    }
}
