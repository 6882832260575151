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
 * @param titleInBody         0: the body is scored alone; w ≥ 1: the body is scored together with the title by
 *                            BM25F ({@code CombinedFieldQuery}), as one field in which a title occurrence counts
 *                            w times, so a term in the heading counts as body text too
 * @param titleBoost          weight of a separate BM25 score on the title alone, added on top: a bonus for
 *                            matching the heading itself; 0 = none
 * @param bigramWeight        weight of the bigram part (SUM: query boost; RRF: ranking weight); 0 = nori only
 * @param noriWeight          weight of the nori part; 0 = bigrams only (the bigram baseline)
 * @param synonymWeight       weight of terms that come from synonym expansion; 0 = no expansion
 * @param contentWordsOnly    analyse queries with {@code KoreanAnalyzers.QUERY_STOP_TAGS} (drops verbs,
 *                            adjectives, adverbs: the "어떻게 하나요" of a question)
 * @param candidates          how many hits each ranking contributes before fusion
 * @param synonyms            the synonym list used for expansion
 * @param maxScoredTerms      per analysis, a query with more terms keeps only this many, the rarest in the index
 *                            (a pasted paragraph: its common words add little to BM25 and cost a clause each);
 *                            0 = keep all
 */
public record Ranking(
        LexicalFusion lexicalFusion,
        float titleInBody,
        float titleBoost,
        float bigramWeight,
        float noriWeight,
        float synonymWeight,
        boolean contentWordsOnly,
        int candidates,
        Synonyms synonyms,
        int maxScoredTerms) {

    /** Ways to combine the two analyses of the query. */
    public enum LexicalFusion {
        /** One BM25 query: the nori clauses and the boosted bigram clauses are summed per document. */
        SUM,
        /** Two BM25 rankings (nori, bigram) fused by {@link RankFusion reciprocal rank}. */
        RRF
    }

    public Ranking {
        Objects.requireNonNull(lexicalFusion, "lexicalFusion");
        if (titleInBody != 0 && titleInBody < 1) {
            throw new IllegalArgumentException("titleInBody must be 0 or at least 1 (a BM25F field weight)");
        }
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
        if (maxScoredTerms < 0) {
            throw new IllegalArgumentException("maxScoredTerms must not be negative");
        }
    }

    /**
     * The product ranking, chosen on the easylaw dev set (docs/search.md has the numbers): one summed BM25
     * query of nori and bigram terms at equal weight; each scored by BM25F over body + title (a title occurrence
     * counts twice) plus a small bonus (0.25) for matching the title alone; synonyms at half weight; content
     * words only.
     */
    /** See {@code maxScoredTerms}; chosen on the easylaw dev set and the 100k-chunk latency bench (BENCHMARKS.md). */
    public static final int DEFAULT_MAX_SCORED_TERMS = 24;

    public static Ranking defaults() {
        return new Ranking(LexicalFusion.SUM, 2.0f, 0.25f, 1.0f, 1.0f,
                0.5f, true, 100, Synonyms.korean(), DEFAULT_MAX_SCORED_TERMS);
    }

    public Ranking withLexicalFusion(LexicalFusion value) {
        return new Ranking(value, titleInBody, titleBoost, bigramWeight, noriWeight,
                synonymWeight, contentWordsOnly, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withTitleInBody(float value) {
        return new Ranking(lexicalFusion, value, titleBoost, bigramWeight, noriWeight,
                synonymWeight, contentWordsOnly, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withTitleBoost(float value) {
        return new Ranking(lexicalFusion, titleInBody, value, bigramWeight, noriWeight,
                synonymWeight, contentWordsOnly, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withBigramWeight(float value) {
        return new Ranking(lexicalFusion, titleInBody, titleBoost, value, noriWeight,
                synonymWeight, contentWordsOnly, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withNoriWeight(float value) {
        return new Ranking(lexicalFusion, titleInBody, titleBoost, bigramWeight, value,
                synonymWeight, contentWordsOnly, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withSynonymWeight(float value) {
        return new Ranking(lexicalFusion, titleInBody, titleBoost, bigramWeight, noriWeight,
                value, contentWordsOnly, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withContentWordsOnly(boolean value) {
        return new Ranking(lexicalFusion, titleInBody, titleBoost, bigramWeight, noriWeight,
                synonymWeight, value, candidates, synonyms, maxScoredTerms);
    }

    public Ranking withSynonyms(Synonyms value) {
        return new Ranking(lexicalFusion, titleInBody, titleBoost, bigramWeight, noriWeight,
                synonymWeight, contentWordsOnly, candidates, value, maxScoredTerms);
    }

    public Ranking withMaxScoredTerms(int value) {
        return new Ranking(lexicalFusion, titleInBody, titleBoost, bigramWeight, noriWeight,
                synonymWeight, contentWordsOnly, candidates, synonyms, value);
    }
}
