package kr.mokmin.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import kr.mokmin.search.Fixtures;
import kr.mokmin.search.SearchException;

import kr.mokmin.search.SearchIndex;
import kr.mokmin.search.SearchIndexContract;

/** The contract against a real Lucene index in a temporary directory. */
class LuceneSearchIndexTest extends SearchIndexContract {

    @TempDir
    Path dir;

    @Override
    protected SearchIndex open() {
        return LuceneSearchIndex.open(dir.resolve("index"));
    }

    @Test
    void appIndexLivesUnderTheDataDirectory() {
        index.close();
        index = LuceneSearchIndex.inDataDir(dir, null);
        index.replaceDocuments(Fixtures.all());
        assertThat(Files.isDirectory(dir.resolve("index"))).isTrue();
        assertThat(index.count()).isPositive();
    }

    @Test
    void aSecondWriterOnTheSameDirectoryIsRefused() {
        // Lucene's write lock: two app instances on one data dir would corrupt nothing, but must not start
        assertThatThrownBy(() -> LuceneSearchIndex.open(dir.resolve("index"))).isInstanceOf(SearchException.class);
    }

    @Test
    void snippetsAreTidiedToOneLineWithoutLeadingPunctuation() {
        assertThat(LuceneSearchIndex.tidy(". \n<mark>처리기간</mark>의\n계산  ")).isEqualTo("<mark>처리기간</mark>의 계산");
        assertThat(LuceneSearchIndex.tidy("&lt;b&gt; 그대로")).isEqualTo("&lt;b&gt; 그대로");
        assertThat(LuceneSearchIndex.tidy(null)).isEmpty();
    }

    @Test
    void aClosedIndexSaysSo() {
        index.close();
        assertThatThrownBy(() -> index.count()).isInstanceOf(IllegalStateException.class);
        index.close();
    }
}
