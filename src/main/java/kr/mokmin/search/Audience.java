package kr.mokmin.search;

/**
 * Who may see a chunk. Citizens see only {@link #PUBLIC}; {@link #INTERNAL} (staff manuals, draft notices)
 * is for signed-in staff. A {@link SearchQuery} that names no audience gets {@link #PUBLIC} only, so
 * forgetting the filter can never leak an internal document.
 */
public enum Audience {
    PUBLIC,
    INTERNAL
}
