package kr.mokmin.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import kr.mokmin.common.MokminException;

/**
 * Errors from the page controllers become the Korean error page. Limited to those controllers and ordered
 * before {@link ProblemHandler}, which keeps answering the API with problem+json.
 */
@ControllerAdvice(assignableTypes = {PageController.class, StaffPageController.class, DocumentPageController.class,
        StaffSearchPageController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PageErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

    @ExceptionHandler(MokminException.class)
    ModelAndView domain(MokminException e) {
        return ErrorPages.view(HttpStatus.valueOf(e.kind().status()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView typeMismatch(MethodArgumentTypeMismatchException e) {
        return ErrorPages.view(HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof ErrorResponse known) {
            // Spring MVC's own errors (missing parameter, payload too large …) keep their status.
            return ErrorPages.view(known.getStatusCode());
        }
        if (e instanceof PayloadTooLargeException) {
            return ErrorPages.view(HttpStatus.PAYLOAD_TOO_LARGE);
        }
        log.error("Unhandled error on a page", e);
        return ErrorPages.view(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
