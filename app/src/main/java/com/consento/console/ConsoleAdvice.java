package com.consento.console;

import com.consento.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page knows (who is signed in and may do what, the language, how times are written) and
 * how console failures look: pages, not problem+json.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class, name = "consoleAdvice")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {
    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);
    private final Times times;
    private final ConsoleConfig.Assets assets;

    ConsoleAdvice(Times times, ConsoleConfig.Assets assets) {
        this.times = times;
        this.assets = assets;
    }

    /** zh-CN unless English was chosen. */
    static String lang(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
    }

    @ModelAttribute
    void common(Model model, Locale locale, HttpServletRequest request) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        model.addAttribute("me", Me.of(auth));
        model.addAttribute("lang", lang(locale));
        model.addAttribute("t", times);
        model.addAttribute("assets", assets);
        model.addAttribute("here", here(request));
    }

    /** Where the language links lead: this page for a GET, the section's page after a POST. */
    static String here(HttpServletRequest request) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod())) {
            return uri;
        }
        String[] parts = uri.split("/");
        return parts.length >= 3 ? "/" + parts[1] + "/" + parts[2] : "/admin";
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        common(model, locale, request);
        response.setStatus(404);
        model.addAttribute("messageKey", "console.error.notFound");
        return "console/error";
    }

    @ExceptionHandler(Forbidden.class)
    String forbidden(Forbidden e, Model model, Locale locale, HttpServletRequest request,
                     HttpServletResponse response) {
        common(model, locale, request);
        response.setStatus(403);
        model.addAttribute("messageKey", e.messageKey());
        return "console/denied";
    }

    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, Locale locale, HttpServletRequest request,
                  HttpServletResponse response) {
        common(model, locale, request);
        response.setStatus(403);
        model.addAttribute("messageKey", "console.denied.text");
        return "console/denied";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, Locale locale, HttpServletRequest request,
                      HttpServletResponse response) {
        log.error("console failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        common(model, locale, request);
        response.setStatus(500);
        model.addAttribute("messageKey", "console.error.unexpected");
        return "console/error";
    }
}
