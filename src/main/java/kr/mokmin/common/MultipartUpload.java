package kr.mokmin.common;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.web.multipart.MultipartFile;

/** A multipart part as the service reads it: streamed from the container's temporary file, never buffered whole. */
public record MultipartUpload(MultipartFile file) implements Upload {

    @Override
    public String fileName() {
        return file.getOriginalFilename();
    }

    @Override
    public InputStream open() throws IOException {
        return file.getInputStream();
    }
}
