package com.consento.console;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.consento.access.AccessAudit;
import com.consento.access.Permission;
import com.consento.access.Role;
import com.consento.access.StaffUser;
import com.consento.access.StaffUsers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

/**
 * Sign-in for {@code /admin/**}: a form of {@code username} and {@code password} against the staff users,
 * a session that expires after 30 idle minutes, CSRF tokens in a cookie (so the sign-in page and a wrong
 * password create no session), and each page guarded by the permission the role matrix grants.
 */
@Configuration(value = "consoleSecurity", proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // the command-line tasks run without
class ConsoleSecurity {
    static final String LOGIN = "/admin/login";
    static final String DENIED = "/admin/denied";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, StaffUsers staff, AccessAudit audit,
                                @Value("${consento.console.session-timeout:PT30M}") Duration idle) throws Exception {
        CookieRequestCache requestCache = new CookieRequestCache();
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName("CONSENTO-CONSOLE-XSRF");
        csrf.setCookiePath("/admin");
        csrf.setCookieCustomizer(c -> c.sameSite("Strict"));
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                                Authentication authentication) throws IOException,
                    jakarta.servlet.ServletException {
                request.getSession().setMaxInactiveInterval((int) idle.toSeconds());
                audit.record(AccessAudit.Event.of(authentication.getName(), AccessAudit.SIGN_IN));
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setRequestCache(requestCache);
        success.setDefaultTargetUrl("/admin");
        http.securityMatcher("/admin", "/admin/**")
                .authenticationManager(new ProviderManager(new StaffAuthentication(staff)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(LOGIN, DENIED).permitAll()
                        .requestMatchers(GET, "/admin").hasAuthority(Permission.DASHBOARD.authority())
                        .requestMatchers(GET, "/admin/purposes/new", "/admin/notices/new")
                        .hasAuthority(Permission.CATALOG_EDIT.authority())
                        .requestMatchers(POST, "/admin/purposes/**", "/admin/notices/**")
                        .hasAuthority(Permission.CATALOG_EDIT.authority())
                        .requestMatchers("/admin/purposes/**", "/admin/notices/**", "/admin/reports/purposes.csv",
                                "/admin/reports/notices.csv")
                        .hasAuthority(Permission.CATALOG_READ.authority())
                        .requestMatchers("/admin/ledger/**", "/admin/reports/events.csv")
                        .hasAuthority(Permission.LEDGER_READ.authority())
                        .requestMatchers(POST, "/admin/subjects/*/reveal")
                        .hasAuthority(Permission.IDENTIFIER_REVEAL.authority())
                        .requestMatchers("/admin/subjects/**").hasAuthority(Permission.SUBJECT_READ.authority())
                        .requestMatchers("/admin/audit/**", "/admin/reports/audit.csv")
                        .hasAuthority(Permission.AUDIT_READ.authority())
                        .requestMatchers(POST, "/admin/staff/**").hasAuthority(Permission.STAFF_MANAGE.authority())
                        .requestMatchers("/admin/staff/**").hasAuthority(Permission.STAFF_READ.authority())
                        .requestMatchers("/admin/reports/**", "/admin/compliance")
                        .hasAuthority(Permission.REPORTS.authority())
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(success).failureHandler(failure(staff, audit)))
                .logout(l -> l.logoutUrl("/admin/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .deleteCookies("JSESSIONID"))
                .requestCache(c -> c.requestCache(requestCache))
                .csrf(c -> c.csrfTokenRepository(csrf))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .exceptionHandling(e -> e.accessDeniedPage(DENIED))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** A wrong password shows the form again; nothing is stored in a session, so none is created. */
    private static AuthenticationFailureHandler failure(StaffUsers staff, AccessAudit audit) {
        return (request, response, exception) -> {
            String name = request.getParameter("username");
            String known = staff.find(name == null ? null : name.trim().toLowerCase(java.util.Locale.ROOT))
                    .map(StaffUser::username).orElse("(unknown)");
            audit.record(AccessAudit.Event.of(known, AccessAudit.SIGN_IN_FAILED).denied());
            response.sendRedirect(request.getContextPath() + LOGIN + "?error");
        };
    }

    /**
     * Loads the CSRF token before the page renders, so its cookie is set while the response headers are still
     * open (a long page commits the response before the form asks for the token).
     */
    static final class CsrfCookieFilter extends org.springframework.web.filter.OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException,
                IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(request, response);
        }
    }

    /** Staff users by password; the authorities are the roles and every permission they grant. */
    static final class StaffAuthentication implements AuthenticationProvider {
        private final StaffUsers staff;

        StaffAuthentication(StaffUsers staff) {
            this.staff = staff;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
            StaffUser user = staff.authenticate(authentication.getName(), password)
                    .orElseThrow(() -> new BadCredentialsException("wrong username or password"));
            return UsernamePasswordAuthenticationToken.authenticated(user.username(), null, authorities(user));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        static List<GrantedAuthority> authorities(StaffUser user) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            user.roles().stream().sorted().map(Role::authority).map(SimpleGrantedAuthority::new)
                    .forEach(authorities::add);
            user.permissions().stream().sorted().map(Permission::authority).map(SimpleGrantedAuthority::new)
                    .forEach(authorities::add);
            return authorities;
        }
    }
}
