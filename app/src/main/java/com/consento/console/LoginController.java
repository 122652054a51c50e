package com.consento.console;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in form ({@code username}, {@code password}) and the page shown when a role does not allow a page. */
@Controller("consoleLoginController")
class LoginController {

    @GetMapping(ConsoleSecurity.LOGIN)
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
                 Model model) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            return "redirect:/admin";
        }
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "console/login";
    }

    /** Any other {@code /admin} address: a page, not an API problem. */
    @RequestMapping("/admin/**")
    String notFound(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("messageKey", "console.error.notFound");
        return "console/error";
    }

    @RequestMapping(ConsoleSecurity.DENIED)
    String denied(Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(403);
        model.addAttribute("messageKey", "console.denied.text");
        return "console/denied";
    }
}
