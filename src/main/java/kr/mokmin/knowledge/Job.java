package kr.mokmin.knowledge;

import java.time.Instant;
import java.util.List;

/**
 * A background job and its items (one per file).
 *
 * @param kind   {@link Kind}
 * @param total  items in the job
 * @param done   items finished (indexed, failed or skipped)
 * @param failed items that failed
 * @param items  the items in order; empty when only the summary was read
 */
public record Job(String id, Kind kind, Status status, int total, int done, int failed, String actor,
                  Instant createdAt, Instant startedAt, Instant finishedAt, List<Item> items) {

    public enum Kind {
        /** Files or text uploaded through the API, the staff page or the CLI. */
        INGEST,
        /** The bundled demo knowledge base, loaded once on the first start. */
        DEMO_LOAD
    }

    public enum Status {
        QUEUED("대기"), RUNNING("처리 중"), DONE("완료");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How one item went; SKIPPED when its document was deleted or re-ingested again before its turn. */
    public enum ItemStatus {
        PENDING("대기"), INDEXED("색인 완료"), FAILED("실패"), SKIPPED("건너뜀");

        private final String label;

        ItemStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param name            the file name (or title) as given
     * @param documentVersion the version this item (re)created
     * @param reason          stable failure code, when FAILED
     */
    public record Item(int position, String name, String documentId, Integer documentVersion, ItemStatus status,
                       String reason, String message, Instant updatedAt) {
    }

    public Job {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public boolean finished() {
        return status == Status.DONE;
    }

    /** Share of items finished, 0..100. */
    public int percent() {
        return total == 0 ? 100 : (int) (100L * done / total);
    }
}
