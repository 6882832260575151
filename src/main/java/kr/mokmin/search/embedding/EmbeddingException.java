package kr.mokmin.search.embedding;

/**
 * The embeddings server could not be reached, refused the request or answered something unusable; or an ONNX
 * model or its tokenizer could not be loaded or run (status 0).
 */
public class EmbeddingException extends RuntimeException {

    private final int status;

    public EmbeddingException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when there was no HTTP answer (connection refused, timeout). */
    public int status() {
        return status;
    }
}
