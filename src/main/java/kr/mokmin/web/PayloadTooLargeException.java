package kr.mokmin.web;

import java.io.IOException;

/** Raised while reading a request body that exceeds the configured limit. */
public class PayloadTooLargeException extends IOException {
    public PayloadTooLargeException(String message) {
        super(message);
    }
}
