package com.consento.console;

import com.consento.access.AccessAudit;
import com.consento.access.Role;
import com.consento.access.StaffUser;
import com.consento.access.StaffUsers;
import com.consento.shared.Conflict;
import com.consento.shared.InvalidRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /admin/staff}: the console's users and their roles; ADMIN creates new ones. */
@Controller("consoleStaffController")
class StaffController {
    private final StaffUsers staff;
    private final AccessAudit audit;
    private final MessageSource messages;

    StaffController(StaffUsers staff, AccessAudit audit, MessageSource messages) {
        this.staff = staff;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping("/admin/staff")
    String list(Model model) {
        return page(model, new FormErrors(), "", "", List.of());
    }

    @PostMapping("/admin/staff")
    String create(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
                  @RequestParam(defaultValue = "") String password,
                  @RequestParam(name = "roles", required = false) List<String> roles, Model model,
                  Authentication auth, Locale locale) {
        List<Role> parsed = new ArrayList<>();
        (roles == null ? List.<String>of() : roles).forEach(r -> Role.of(r).ifPresent(parsed::add));
        FormErrors errors = new FormErrors();
        try {
            StaffUser created = staff.create(username, password, parsed, displayName, auth.getName());
            audit.record(AccessAudit.Event.of(auth.getName(), AccessAudit.CREATE_STAFF)
                    .detail(created.username() + " " + created.roles()));
            return "redirect:/admin/staff?created=" + created.username();
        } catch (InvalidRequest e) {
            errors.addAll(e.problems(), "console.staff.problem", messages, locale);
        } catch (Conflict e) {
            errors.add("username", messages.getMessage("console.staff.problem.exists", null, locale));
        }
        return page(model, errors, username, displayName, roles == null ? List.of() : roles);
    }

    private String page(Model model, FormErrors errors, String username, String displayName, List<String> roles) {
        model.addAttribute("users", staff.list());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("errors", errors.map());
        model.addAttribute("username", username);
        model.addAttribute("displayName", displayName);
        model.addAttribute("chosenRoles", roles);
        return "console/staff";
    }
}
