package kr.mokmin.search;

/** The index store failed (disk full, corrupt index, cluster unreachable): not the caller's fault. */
public class SearchException extends RuntimeException {

    public SearchException(String message, Throwable cause) {
        super(message, cause);
    }
}
