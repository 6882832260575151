package kr.mokmin.web;

import java.util.Map;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Korean error page ({@code templates/error.html}) for every status, both for errors raised by page
 * controllers ({@link PageErrorAdvice}) and for those Spring Boot forwards to /error (unknown paths, 403 from
 * Spring Security, servlet errors) when the client asks for HTML. JSON clients of /error are unaffected.
 */
@Component
public class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return view(status);
    }

    public static ModelAndView view(HttpStatusCode status) {
        int code = status.value();
        ModelAndView mav = new ModelAndView("error");
        mav.setStatus(status);
        mav.addObject("status", code);
        mav.addObject("errorTitle", title(code));
        mav.addObject("errorMessage", message(code));
        return mav;
    }

    static String title(int code) {
        return switch (code) {
            case 400 -> "요청을 처리할 수 없습니다";
            case 401, 403 -> "접근 권한이 없습니다";
            case 404 -> "페이지를 찾을 수 없습니다";
            case 405 -> "허용되지 않는 요청입니다";
            case 413 -> "요청이 너무 큽니다";
            case 429 -> "요청이 너무 많습니다";
            default -> code >= 500 ? "일시적인 오류가 발생했습니다" : "요청을 처리할 수 없습니다";
        };
    }

    static String message(int code) {
        return switch (code) {
            case 400 -> "입력한 내용이나 주소가 올바르지 않습니다. 다시 확인해 주세요.";
            case 401, 403 -> "이 페이지를 볼 수 있는 권한이 없습니다. 담당자라면 권한이 있는 계정으로 로그인해 주세요.";
            case 404 -> "요청하신 페이지나 민원이 없거나, 볼 수 있는 권한이 없습니다. 주소를 다시 확인해 주세요.";
            case 405 -> "이 주소에서는 해당 방식의 요청을 처리하지 않습니다.";
            case 413 -> "보낸 내용이 허용된 크기를 넘었습니다. 내용을 줄여 다시 시도해 주세요.";
            case 429 -> "짧은 시간에 요청이 너무 많이 들어왔습니다. 잠시 후 다시 시도해 주세요.";
            default -> code >= 500
                    ? "요청을 처리하는 중 문제가 발생했습니다. 잠시 후 다시 시도하시고, 계속되면 시청 민원실로 문의해 주세요."
                    : "요청을 처리할 수 없습니다. 주소와 입력한 내용을 다시 확인해 주세요.";
        };
    }
}
