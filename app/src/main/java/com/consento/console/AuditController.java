package com.consento.console;

import com.consento.access.AccessAudit;
import com.consento.access.AuditFilter;
import com.consento.access.StaffUser;
import com.consento.access.StaffUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/audit}: the access audit log — who, action, masked identifier, subject id, reason, time —
 * filtered by staff user, action, subject id, dates (in the console's zone) and refused attempts.
 */
@Controller("consoleAuditController")
class AuditController {
    static final int PAGE = 200;
    private final AccessAudit audit;
    private final StaffUsers staff;
    private final Times times;

    AuditController(AccessAudit audit, StaffUsers staff, Times times) {
        this.audit = audit;
        this.staff = staff;
        this.times = times;
    }

    @GetMapping("/admin/audit")
    String audit(@RequestParam(required = false) String staff, @RequestParam(required = false) String action,
                 @RequestParam(required = false) String subject, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String to, @RequestParam(required = false) String denied,
                 Model model) {
        AuditFilter filter = filter(staff, action, subject, from, to, denied, PAGE, times);
        model.addAttribute("entries", audit.find(filter));
        model.addAttribute("filter", filter);
        model.addAttribute("fromText", from == null ? "" : from);
        model.addAttribute("toText", to == null ? "" : to);
        model.addAttribute("actions", audit.actions());
        model.addAttribute("staffNames", this.staff.list().stream().map(StaffUser::username).toList());
        return "console/audit";
    }

    /** {@code from} and {@code to} are days ({@code yyyy-MM-dd}); {@code to} includes its whole day. */
    static AuditFilter filter(String staff, String action, String subject, String from, String to, String denied,
                              int limit, Times times) {
        return new AuditFilter(staff, action, subject, day(from, times, 0), day(to, times, 1),
                denied != null && !denied.isBlank() && !"false".equals(denied), limit);
    }

    private static Instant day(String text, Times times, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim()).plusDays(plusDays).atStartOfDay(times.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
