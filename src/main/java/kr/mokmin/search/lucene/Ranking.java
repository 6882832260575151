package kr.mokmin.search.lucene;

import java.util.Objects;

import kr.mokmin.search.RankFusion;
import kr.mokmin.text.Synonyms;

/**
 * How {@link LuceneSearchIndex} turns a query into a ranking. Only query-time choices live here, so one index
 * can be searched with several rankings (that is how the evaluation compares them); analysis choices that shape
 * the index itself are in {@link LuceneSearchIndex.Analysis}.
 *
 * @param lexicalFusion       how the nori and the bigram matches combine
 * @param titleBoost          weight of a title match relative to a body match
 * @param bigramWeight        weight of the bigram part (SUM: query boost; RRF: ranking weight); 0 = nori only
 * @param noriWeight          weight of the nori part; 0 = bigrams only (the bigram baseline)
 * @param synonymWeight       weight of terms that come from synonym expansion; 0 = no expansion
 * @param contentWordsOnly    analyse queries with {@code KoreanAnalyzers.QUERY_STOP_TAGS} (drops verbs,
 *                            adjectives, adverbs: the "어떻게 하나요" of a question)
 * @param candidates          how many hits each ranking contributes before fusion
 * @param synonyms            the synonym list used for expansion
 */
public record Ranking(
        LexicalFusion lexicalFusion,
        float titleBoost,
        float bigramWeight,
        float noriWeight,
        float synonymWeight,
        boolean contentWordsOnly,
        int candidates,
        Synonyms synonyms) {

    /** Ways to combine the two analyses of the query. */
    public enum LexicalFusion {
        /** One BM25 query: the nori clauses and the boosted bigram clauses are summed per document. */
        SUM,
        /** Two BM25 rankings (nori, bigram) fused by {@link RankFusion reciprocal rank}. */
        RRF
    }

    public Ranking {
        Objects.requireNonNull(lexicalFusion, "lexicalFusion");
        Objects.requireNonNull(synonyms, "synonyms");
        if (titleBoost < 0 || bigramWeight < 0 || noriWeight < 0 || synonymWeight < 0) {
            throw new IllegalArgumentException("weights must not be negative");
        }
        if (bigramWeight == 0 && noriWeight == 0) {
            throw new IllegalArgumentException("at least one of noriWeight, bigramWeight must be positive");
        }
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be positive");
        }
    }

    /**
     * The product ranking, chosen on the easylaw dev set (docs/search.md has the numbers): one summed BM25
     * query, bigrams at 0.5 of nori, titles at 2, synonyms at 0.5, content words only.
     */
    public static Ranking defaults() {
        return new Ranking(LexicalFusion.SUM, 2.0f, 0.5f, 1.0f, 0.5f, true, 100, Synonyms.korean());
    }

    public Ranking withLexicalFusion(LexicalFusion value) {
        return new Ranking(value, titleBoost, bigramWeight, noriWeight, synonymWeight, contentWordsOnly, candidates, synonyms);
    }

    public Ranking withTitleBoost(float value) {
        return new Ranking(lexicalFusion, value, bigramWeight, noriWeight, synonymWeight, contentWordsOnly, candidates, synonyms);
    }

    public Ranking withBigramWeight(float value) {
        return new Ranking(lexicalFusion, titleBoost, value, noriWeight, synonymWeight, contentWordsOnly, candidates, synonyms);
    }

    public Ranking withNoriWeight(float value) {
        return new Ranking(lexicalFusion, titleBoost, bigramWeight, value, synonymWeight, contentWordsOnly, candidates, synonyms);
    }

    public Ranking withSynonymWeight(float value) {
        return new Ranking(lexicalFusion, titleBoost, bigramWeight, noriWeight, value, contentWordsOnly, candidates, synonyms);
    }

    public Ranking withContentWordsOnly(boolean value) {
        return new Ranking(lexicalFusion, titleBoost, bigramWeight, noriWeight, synonymWeight, value, candidates, synonyms);
    }
}
