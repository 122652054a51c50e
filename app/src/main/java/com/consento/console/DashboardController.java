package com.consento.console;

import com.consento.ledger.LedgerVerifier;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import tools.jackson.databind.json.JsonMapper;

/** {@code /admin}: figures and charts, each chart in an element with {@code data-chart}, no personal data. */
@Controller("consoleDashboardController")
class DashboardController {
    private final DashboardService dashboards;
    private final LedgerVerifier verifier;
    private final JsonMapper json;

    DashboardController(DashboardService dashboards, LedgerVerifier verifier, JsonMapper json) {
        this.dashboards = dashboards;
        this.verifier = verifier;
        this.json = json;
    }

    @GetMapping("/admin")
    String dashboard(Model model, Locale locale) {
        DashboardService.Dashboard d = dashboards.dashboard(locale);
        Map<String, String> data = new LinkedHashMap<>();
        d.charts().forEach((name, chart) -> data.put(name, json.writeValueAsString(chart)));
        model.addAttribute("kpis", d.kpis());
        model.addAttribute("charts", d.charts());
        model.addAttribute("chartData", data);
        model.addAttribute("verification", verifier.lastResult());
        return "console/dashboard";
    }
}
