package kr.mokmin.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Requests that reach no controller at all (an unknown path, or a method a path does not take). No controller
 * means {@link PageErrorAdvice} cannot apply, so this narrow advice decides by path: machine interfaces get
 * exactly what {@link ProblemHandler} gives them (problem+json); any other path is a page, and goes to the
 * servlet error page, which renders the Korean error page for browsers.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UnknownPathAdvice {

    private static final String[] MACHINE_PREFIXES = {"/api/", "/api-docs", "/open311/", "/channels/", "/actuator/"};

    private final ProblemHandler problems;

    public UnknownPathAdvice(ProblemHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class,
            HttpRequestMethodNotSupportedException.class})
    ResponseEntity<Object> unknown(Exception e, HttpServletRequest request, HttpServletResponse response,
                                   WebRequest webRequest) throws Exception {
        if (isMachinePath(request)) {
            return problems.handleException(e, webRequest);
        }
        if (e instanceof HttpRequestMethodNotSupportedException m && m.getSupportedHttpMethods() != null) {
            response.setHeader("Allow", String.join(", ", m.getSupportedHttpMethods().stream()
                    .map(Object::toString).toList()));
            response.sendError(405);
        } else {
            response.sendError(e instanceof HttpRequestMethodNotSupportedException ? 405 : 404);
        }
        return null; // handled: the container renders the error page
    }

    static boolean isMachinePath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String prefix : MACHINE_PREFIXES) {
            if (path.startsWith(prefix) || path.equals(prefix.replaceAll("/$", ""))) {
                return true;
            }
        }
        return false;
    }
}
