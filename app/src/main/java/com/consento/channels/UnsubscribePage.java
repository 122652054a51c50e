package com.consento.channels;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.ledger.Touchpoint;
import com.consento.shared.Channel;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * RFC-8058 one-click unsubscribe, without login. {@code POST /unsubscribe/{token}} (a mail provider's
 * {@code List-Unsubscribe=One-Click}, or the page's button) withdraws every granted consent of the subject on
 * the token's channel, and only that channel. {@code GET} only shows what would happen, so link scanners that
 * follow URLs change nothing. A tampered or expired token shows a 404 page and changes nothing.
 */
@Controller
class UnsubscribePage {
    static final String TEMPLATE = "channels/unsubscribe";
    private final UnsubscribeLinks links;
    private final ChannelWithdrawals withdrawals;
    private final CatalogService catalog;
    private final Clock clock;

    UnsubscribePage(UnsubscribeLinks links, ChannelWithdrawals withdrawals, CatalogService catalog, Clock clock) {
        this.links = links;
        this.withdrawals = withdrawals;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        Optional<UnsubscribeLinks.Target> target = links.open(token);
        if (target.isEmpty()) {
            return invalid(model, response);
        }
        UnsubscribeLinks.Target t = target.get();
        model.addAttribute("state", "confirm");
        model.addAttribute("token", token);
        model.addAttribute("channel", t.channel().code());
        model.addAttribute("purposes", names(withdrawals.grantedPurposes(t.subjectId(), t.channel(), clock.instant()),
                locale));
        return TEMPLATE;
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, @RequestParam(name = "via", required = false) String via,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<UnsubscribeLinks.Target> target = links.open(token);
        if (target.isEmpty()) {
            return invalid(model, response);
        }
        UnsubscribeLinks.Target t = target.get();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("method", "page".equals(via) ? "unsubscribe-page" : "one-click");
        String agent = request.getHeader("User-Agent");
        if (agent != null && !agent.isBlank()) {
            evidence.put("userAgent", agent.length() > 500 ? agent.substring(0, 500) : agent);
        }
        evidence.put("ip", request.getRemoteAddr());
        List<ChannelWithdrawals.Withdrawn> withdrawn = withdrawals.withdrawAll(t.subjectId(), t.channel(),
                touchpoint(t.channel()), clock.instant(), evidence);
        model.addAttribute("state", "done");
        model.addAttribute("channel", t.channel().code());
        model.addAttribute("count", withdrawn.size());
        return TEMPLATE;
    }

    private static String invalid(Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("state", "invalid");
        return TEMPLATE;
    }

    static Touchpoint touchpoint(Channel channel) {
        return switch (channel) {
            case EMAIL -> Touchpoint.EMAIL;
            case SMS -> Touchpoint.SMS;
            default -> Touchpoint.WEB;
        };
    }

    private List<String> names(List<String> purposes, Locale locale) {
        Catalog snapshot = catalog.snapshot();
        String lang = "en".equals(locale.getLanguage()) ? "en" : "zh-CN";
        return purposes.stream().map(p -> snapshot.purpose(p).map(x -> x.displayName(lang)).orElse(p)).distinct()
                .toList();
    }
}
