package kr.mokmin.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/** The cap on a long query's terms keeps the rarest ones, in query order, and never a term no chunk has. */
class RarestTermsTest {

    @Test
    void keepsTheRarestTermsInQueryOrder() throws Exception {
        try (var dir = new ByteBuffersDirectory();
             var writer = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
            // df: 있는 4, 민원 3, 이의신청 1, 처리 2
            for (String text : new String[] {"있는 민원 처리", "있는 민원 처리", "있는 민원", "있는 이의신청"}) {
                Document doc = new Document();
                doc.add(new Field("text", text, TextField.TYPE_NOT_STORED));
                writer.addDocument(doc);
            }
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                Map<String, Float> query = new LinkedHashMap<>();
                for (String t : new String[] {"있는", "민원", "없는말", "처리", "이의신청"}) {
                    query.put(t, 1f);
                }
                query.put("민원", 2f);
                assertThat(LuceneSearchIndex.rarest(reader, query, "text", 3))
                        .containsExactly(Map.entry("민원", 2f), Map.entry("처리", 1f), Map.entry("이의신청", 1f));
                assertThat(LuceneSearchIndex.rarest(reader, query, "text", 2).keySet())
                        .containsExactly("처리", "이의신청");
                // short queries and a cap of 0 are left as they are
                assertThat(LuceneSearchIndex.rarest(reader, query, "text", 5)).isSameAs(query);
                assertThat(LuceneSearchIndex.rarest(reader, query, "text", 0)).isSameAs(query);
            }
        }
    }
}
