package kr.mokmin.account;

import java.io.IOException;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kr.mokmin.web.Problems;
import kr.mokmin.common.ProblemKind;

/**
 * Authenticates {@code Authorization: Bearer <token>}. A presented but unknown token is a 401, never a silent
 * fall-back to anonymous access.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final AccountService accounts;

    BearerTokenFilter(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            var account = accounts.authenticateCredential(header.substring(7).strip(), CredentialKind.BEARER);
            if (account.isEmpty()) {
                Problems.write(response, ProblemKind.UNAUTHORIZED, "토큰이 유효하지 않습니다.", request.getRequestURI());
                return;
            }
            var principal = new StaffPrincipal(account.get(), null);
            var auth = UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities());
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
        chain.doFilter(request, response);
    }
}
