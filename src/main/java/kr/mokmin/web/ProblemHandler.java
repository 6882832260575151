package kr.mokmin.web;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import kr.mokmin.common.MokminException;
import kr.mokmin.common.ProblemKind;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error on the JSON API becomes application/problem+json with a stable {@code type}. Open311 and Kakao
 * controllers answer in their own formats with their own handlers.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(MokminException.class)
    ResponseEntity<ProblemDetail> domain(MokminException e) {
        return respond(Problems.of(e.kind(), e.getMessage(), e.properties()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(Problems.of(ProblemKind.VALIDATION,
                "'%s' 값이 올바르지 않습니다: %s".formatted(e.getName(), e.getValue()), null));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(PayloadTooLargeException e) {
        return respond(Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, e.getMessage(), null));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return new ResponseEntity<>(Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), null),
                    problemHeaders(), 413);
        }
        UnrecognizedPropertyException unknown = causeOf(ex, UnrecognizedPropertyException.class);
        String detail = unknown != null
                ? "알 수 없는 필드입니다: '%s'".formatted(unknown.getPropertyName())
                : "요청 본문을 읽을 수 없습니다 (올바른 UTF-8 JSON이어야 합니다).";
        return new ResponseEntity<>(Problems.of(ProblemKind.MALFORMED_REQUEST, detail, null), problemHeaders(), 400);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return new ResponseEntity<>(Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, "첨부파일이 너무 큽니다.", null),
                problemHeaders(), 413);
    }

    /** Gives Spring's own MVC errors (405, 415, missing parameter …) a stable type too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody(); // Spring fills it in later otherwise, after we could set the type
        }
        if (body instanceof ProblemDetail p && (p.getType() == null || "about:blank".equals(p.getType().toString()))) {
            p.setType(URI.create(switch (statusCode.value()) {
                case 400 -> ProblemKind.MALFORMED_REQUEST.typeUri();
                case 404 -> ProblemKind.NOT_FOUND.typeUri();
                case 413 -> ProblemKind.PAYLOAD_TOO_LARGE.typeUri();
                case 415 -> ProblemKind.UNSUPPORTED_MEDIA_TYPE.typeUri();
                default -> "/problems/http-" + statusCode.value();
            }));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return respond(Problems.of(ProblemKind.INTERNAL, "처리 중 오류가 발생했습니다.", null));
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).headers(problemHeaders()).body(p);
    }

    private static HttpHeaders problemHeaders() {
        HttpHeaders h = new HttpHeaders();
        h.set(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE);
        return h;
    }

    private static <T extends Throwable> T causeOf(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
