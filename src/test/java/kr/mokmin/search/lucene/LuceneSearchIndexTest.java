package kr.mokmin.search.lucene;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

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
}
