package kr.mokmin.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

import kr.mokmin.common.ProblemKind;
import kr.mokmin.web.Problems;

/**
 * Two filter chains. Machine interfaces (/api, /open311, /channels, /actuator) are stateless: bearer tokens,
 * no session, so no CSRF exposure. Pages use a session with form login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountService accounts) {
        return username -> accounts.findUser(username)
                .map(u -> new StaffPrincipal(u, accounts.passwordHash(username).orElse(null)))
                .filter(p -> p.getPassword() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }

    @Bean
    @Order(1)
    @ConditionalOnWebApplication
    SecurityFilterChain apiChain(HttpSecurity http, AccountService accounts) throws Exception {
        http.securityMatcher("/api/**", "/open311/**", "/channels/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(accounts), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> Problems.write(res, ProblemKind.UNAUTHORIZED,
                                "인증이 필요합니다 (Authorization: Bearer <token>).", req.getRequestURI()))
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, ProblemKind.FORBIDDEN,
                                "권한이 없습니다.", req.getRequestURI())))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/open311/**", "/channels/**").permitAll()
                        .requestMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        // Training the department router: uploads, retraining, model versions and metrics.
                        .requestMatchers("/api/v1/triage/training", "/api/v1/triage/retrain", "/api/v1/triage/model",
                                "/api/v1/triage/model/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/complaints", "/api/v1/complaints/lookup").permitAll()
                        // Citizens reach their own attachments with the complaint's citizen token (checked in the controller).
                        .requestMatchers("/api/v1/complaints/*/attachments", "/api/v1/complaints/*/attachments/**").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/v1/taxonomy", "/api/v1/holidays").permitAll()
                        // Anyone reads PUBLIC documents (the service filters); ingest and delete are for heads and admins.
                        .requestMatchers(HttpMethod.GET, "/api/v1/documents", "/api/v1/documents/*").permitAll()
                        .requestMatchers("/api/v1/documents", "/api/v1/documents/**").hasAnyRole("DEPT_HEAD", "ADMIN")
                        // Public documents for anyone (rate-limited); INTERNAL needs a staff token (checked in the controller).
                        .requestMatchers(HttpMethod.GET, "/api/v1/search").permitAll()
                        .anyRequest().hasAnyRole("OFFICER", "DEPT_HEAD", "ADMIN"));
        return http.build();
    }

    @Bean
    @Order(2)
    @ConditionalOnWebApplication
    SecurityFilterChain pageChain(HttpSecurity http) throws Exception {
        http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/staff", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/"))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                + "frame-ancestors 'none'")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/staff/**", "/staff").hasAnyRole("OFFICER", "DEPT_HEAD", "ADMIN")
                        .anyRequest().permitAll());
        return http.build();
    }
}
