package kr.mokmin.common;

import java.io.IOException;
import java.io.InputStream;

/** One uploaded file as the web layer hands it to a service: its client-given name and its bytes as a stream. */
public interface Upload {

    /** The name the client gave (untrusted; may hold path parts). */
    String fileName();

    InputStream open() throws IOException;
}
