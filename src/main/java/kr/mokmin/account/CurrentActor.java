package kr.mokmin.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Maps Spring Security's authentication to the domain's {@link Actor}; anyone else is a citizen. */
public final class CurrentActor {

    private CurrentActor() {
    }

    public static Actor of(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof StaffPrincipal p) {
            return p.actor();
        }
        return Actor.CITIZEN;
    }

    public static Actor get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }
}
