package com.consento.preferencecentre;

import com.consento.identity.Identifier;
import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import com.consento.identity.IdentityService;
import com.consento.preferences.PreferenceService;
import com.consento.shared.FieldProblem;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The preference centre's pages. Opening a link starts a short server-side visit and redirects so the token
 * leaves the address bar; every form posts and redirects back (no JavaScript needed); {@code /preferences/toggle}
 * is the same-origin JSON endpoint the script uses to save a toggle at once. Forms carry the visit's token.
 */
@Controller
@RequestMapping("/preferences")
class PreferenceCentreController {
    static final String PAGE = "preferences/page";
    static final String LINK_PAGE = "preferences/link";
    private static final String HOME = "redirect:/preferences";
    private static final String PROBLEMS = "https://consento.dev/problems/";
    private final SecureRandom random = new SecureRandom();
    private final PreferenceLinks links;
    private final PageBuilder pages;
    private final ConsentChanges changes;
    private final PreferenceService preferences;
    private final GuardianCodes guardians;
    private final RightsRequestPort rights;
    private final IdentityService identity;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    PreferenceCentreController(PreferenceLinks links, PageBuilder pages, ConsentChanges changes,
                                PreferenceService preferences, GuardianCodes guardians, RightsRequestPort rights,
                                IdentityService identity, MessageSource messages, Clock clock,
                                @Value("${consento.preferences.zone:Asia/Shanghai}") String zone) {
        this.links = links;
        this.pages = pages;
        this.changes = changes;
        this.preferences = preferences;
        this.guardians = guardians;
        this.rights = rights;
        this.identity = identity;
        this.messages = messages;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---------------------------------------------------------------------------------------------- the page

    @GetMapping
    String page(@RequestParam(name = "t", required = false) String token,
                @RequestParam(name = "via", required = false) String via, HttpServletRequest request, Locale locale,
                Model model) {
        Texts t = texts(locale);
        if (token != null) {
            return open(token, via, request, model, t);
        }
        Optional<Visit> visit = Visit.of(request, clock.millis());
        if (visit.isEmpty()) {
            if (!model.containsAttribute("state")) {
                model.addAttribute("state", "none");
            }
            return linkPage(model, t);
        }
        try {
            identity.requireActive(visit.get().subjectId());
            model.addAllAttributes(pages.build(visit.get(), t));
        } catch (NotFound e) {
            end(request);
            model.addAttribute("state", "invalid");
            return linkPage(model, t);
        }
        Visit v = visit.get();
        common(model, t);
        model.addAttribute("csrf", v.csrf());
        model.addAttribute("guardian", new PageModel.Guardian(v.guardianVerified(), mask(v.guardianPhone()),
                v.guardianRelationship() == null ? null : t.get("pc.guardian.relationship." + v.guardianRelationship()),
                mask(v.pendingPhone())));
        return PAGE;
    }

    /** A link was opened: a genuine one starts a fresh visit; anything else shows nothing of anyone. */
    private String open(String token, String via, HttpServletRequest request, Model model, Texts t) {
        Optional<String> subject = links.open(token).flatMap(this::active);
        HttpSession old = request.getSession(false);
        if (subject.isEmpty()) {
            if (old != null) {
                old.removeAttribute(Visit.ATTRIBUTE);
            }
            model.addAttribute("state", "invalid");
            return linkPage(model, t);
        }
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval(Visit.IDLE_SECONDS);
        new Visit(subject.get(), "app".equalsIgnoreCase(via) ? "APP" : "WEB", newToken(), clock.millis()).save(request);
        return HOME;
    }

    private Optional<String> active(String subjectId) {
        try {
            return Optional.of(identity.requireActive(subjectId));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private String linkPage(Model model, Texts t) {
        common(model, t);
        return LINK_PAGE;
    }

    private void common(Model model, Texts t) {
        String lang = t.lang();
        String other = "en".equals(lang) ? "zh-CN" : "en";
        model.addAttribute("lang", lang);
        model.addAttribute("otherLang", other);
        model.addAttribute("otherLangName", t.get("pc.lang." + other));
    }

    // ------------------------------------------------------------------------------------------ consents

    /** The no-JavaScript save: records each control the person changed on the page, one act each. */
    @PostMapping("/consents")
    String saveConsents(@RequestParam(name = "csrf", required = false) String csrf,
                        @RequestParam(name = "shown", required = false) List<String> shown,
                        @RequestParam(name = "on", required = false) List<String> on, HttpServletRequest request,
                        Locale locale, RedirectAttributes redirect) {
        Texts t = texts(locale);
        Visit visit = visitOrNull(request, csrf, redirect, t);
        if (visit == null) {
            return HOME;
        }
        Set<String> checked = new LinkedHashSet<>(on == null ? List.of() : on);
        int recorded = 0;
        List<String> refused = new ArrayList<>();
        for (String s : shown == null ? List.<String>of() : shown) {
            String[] parts = s.split("\\|", -1);
            if (parts.length != 3) {
                continue;
            }
            String key = parts[0] + "|" + parts[1];
            boolean was = "1".equals(parts[2]);
            boolean now = checked.contains(key);
            if (was == now) {
                continue;
            }
            try {
                if (changes.apply(new ConsentChanges.Change(parts[0], parts[1], now), context(visit, t, request))
                        .recorded()) {
                    recorded++;
                }
            } catch (ConsentChanges.Refused e) {
                refused.add(t.get(e.messageKey()));
            }
        }
        if (!refused.isEmpty()) {
            flash(redirect, "error", String.join(" ", new LinkedHashSet<>(refused)));
        } else {
            flash(redirect, "ok", recorded == 0 ? t.get("pc.flash.nothing") : t.get("pc.flash.saved", recorded));
        }
        return HOME + "#consents";
    }

    record ToggleBody(String purpose, String channel, Boolean granted) {
    }

    /** The script's instant save of one toggle. */
    @PostMapping(path = "/toggle", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> toggle(@RequestBody ToggleBody body,
                                  @RequestHeader(name = "X-CSRF-Token", required = false) String csrf,
                                  HttpServletRequest request, Locale locale) {
        Texts t = texts(locale);
        Optional<Visit> visit = Visit.of(request, clock.millis());
        if (visit.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "session-expired", t.get("pc.error.session"));
        }
        if (!visit.get().csrfMatches(csrf)) {
            return problem(HttpStatus.FORBIDDEN, "forbidden", t.get("pc.error.forbidden"));
        }
        if (body == null || body.purpose() == null || body.granted() == null) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, "validation", t.get("pc.error.unknown"));
        }
        try {
            ConsentChanges.Result r = changes.apply(new ConsentChanges.Change(body.purpose(), body.channel(),
                    body.granted()), context(visit.get(), t, request));
            String label = catalogLabel(body.purpose(), body.channel(), t);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("purpose", body.purpose());
            answer.put("channel", body.channel() == null || body.channel().isBlank() ? null : body.channel());
            answer.put("granted", r.effective());
            answer.put("recorded", r.recorded());
            answer.put("status", r.status() == null ? null : r.status().name());
            answer.put("statusText", t.status(r.status(), r.view() == null ? null : r.view().since(), r.effective()));
            answer.put("message", t.get(r.effective() ? "pc.live.granted" : "pc.live.withdrawn", label));
            return ResponseEntity.ok(answer);
        } catch (ConsentChanges.Refused e) {
            return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey(), t.get(e.messageKey()));
        } catch (NotFound e) {
            end(request);
            return problem(HttpStatus.UNAUTHORIZED, "session-expired", t.get("pc.error.session"));
        }
    }

    private String catalogLabel(String purpose, String channel, Texts t) {
        String c = channel == null || channel.isBlank() ? null : channel;
        return changes.catalogPurpose(purpose).map(p -> t.labelPrefix(p, c) + t.labelVisible(p, c)).orElse(purpose);
    }

    /** Withdraw all: one click withdraws every granted consent of the person (PIPL-15a). */
    @PostMapping("/withdraw-all")
    String withdrawAll(@RequestParam(name = "csrf", required = false) String csrf, HttpServletRequest request,
                       Locale locale, RedirectAttributes redirect) {
        Texts t = texts(locale);
        Visit visit = visitOrNull(request, csrf, redirect, t);
        if (visit == null) {
            return HOME;
        }
        try {
            int n = changes.withdrawAll(context(visit, t, request), t.get("pc.withdrawAll.button"));
            flash(redirect, "ok", n == 0 ? t.get("pc.flash.nothingToWithdraw") : t.get("pc.flash.withdrawnAll", n));
        } catch (ConsentChanges.Refused e) {
            flash(redirect, "error", t.get(e.messageKey()));
        }
        return HOME + "#consents";
    }

    // --------------------------------------------------------------------------------------- preferences

    @PostMapping("/settings")
    String saveSettings(@RequestParam(name = "csrf", required = false) String csrf,
                        @RequestParam(name = "topics", required = false) List<String> topics,
                        @RequestParam(name = "categories", required = false) String categories,
                        @RequestParam(name = "brands", required = false) String brands,
                        @RequestParam(name = "maxPerWeek", required = false) String maxPerWeek,
                        @RequestParam(name = "quietStart", required = false) String quietStart,
                        @RequestParam(name = "quietEnd", required = false) String quietEnd,
                        @RequestParam(name = "language", required = false) String language,
                        HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        Texts t = texts(locale);
        Visit visit = visitOrNull(request, csrf, redirect, t);
        if (visit == null) {
            return HOME;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("topics", topics == null ? List.of() : topics);
        body.put("categories", SettingsForm.list(categories));
        body.put("brands", SettingsForm.list(brands));
        body.put("maxMessagesPerWeek", SettingsForm.number(maxPerWeek));
        body.put("quietHours", SettingsForm.quietHours(quietStart, quietEnd));
        body.put("language", language == null || language.isBlank() ? null : language);
        try {
            preferences.replace(visit.subjectId(), body);
            flash(redirect, "ok", t.get("pc.flash.prefsSaved"));
        } catch (InvalidRequest e) {
            List<String> lines = new ArrayList<>();
            for (FieldProblem p : e.problems()) {
                lines.add(t.orElse("pc.prefs.error." + SettingsForm.field(p.pointer()), t.get("pc.prefs.error")));
            }
            flash(redirect, "error", String.join(" ", new LinkedHashSet<>(lines)));
            redirect.addFlashAttribute("prefsInput", SettingsForm.echo(topics, categories, brands, maxPerWeek,
                    quietStart, quietEnd, language, t));
        }
        return HOME + "#preferences";
    }

    // ------------------------------------------------------------------------------------ rights requests

    @PostMapping("/requests")
    String request(@RequestParam(name = "csrf", required = false) String csrf,
                   @RequestParam(name = "type", required = false) String type, HttpServletRequest request,
                   Locale locale, RedirectAttributes redirect) {
        Texts t = texts(locale);
        Visit visit = visitOrNull(request, csrf, redirect, t);
        if (visit == null) {
            return HOME;
        }
        RightsRequestPort.Kind kind;
        try {
            kind = RightsRequestPort.Kind.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            flash(redirect, "error", t.get("pc.error.unknown"));
            return HOME + "#rights";
        }
        RightsRequestPort.Filed filed = rights.file(visit.subjectId(), kind, visit.touchpoint());
        String due = filed.dueAt() == null ? t.get("pc.rights.dueDefault") : t.get("pc.rights.due", t.day(filed.dueAt()));
        flash(redirect, "ok", t.get("pc.flash.request." + kind.name(), filed.reference(), due));
        return HOME + "#rights";
    }

    // ------------------------------------------------------------------------------------------- guardian

    @PostMapping("/guardian/code")
    String sendCode(@RequestParam(name = "csrf", required = false) String csrf,
                    @RequestParam(name = "phone", required = false) String phone,
                    @RequestParam(name = "relationship", required = false) String relationship,
                    HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        Texts t = texts(locale);
        Visit visit = visitOrNull(request, csrf, redirect, t);
        if (visit == null) {
            return HOME;
        }
        Identifier number;
        try {
            number = IdentifierNormaliser.normalise(IdentifierType.PHONE, phone == null ? "" : phone);
        } catch (IllegalArgumentException e) {
            flash(redirect, "error", t.get("pc.guardian.error.phone"));
            return HOME + "#guardian";
        }
        String rel = "guardian".equals(relationship) ? "guardian" : "parent";
        GuardianCodes.Outcome outcome = guardians.send(visit, number, rel, locale);
        visit.save(request);
        flash(redirect, outcome == GuardianCodes.Outcome.SENT ? "ok" : "error", outcome == GuardianCodes.Outcome.SENT
                ? t.get("pc.guardian.sent", number.masked()) : t.get("pc.guardian.error.TOO_MANY"));
        return HOME + "#guardian";
    }

    @PostMapping("/guardian/verify")
    String verifyCode(@RequestParam(name = "csrf", required = false) String csrf,
                      @RequestParam(name = "code", required = false) String code, HttpServletRequest request,
                      Locale locale, RedirectAttributes redirect) {
        Texts t = texts(locale);
        Visit visit = visitOrNull(request, csrf, redirect, t);
        if (visit == null) {
            return HOME;
        }
        GuardianCodes.Outcome outcome = guardians.verify(visit, code);
        visit.save(request);
        if (outcome == GuardianCodes.Outcome.VERIFIED) {
            flash(redirect, "ok", t.get("pc.guardian.verifiedNow"));
            return HOME + "#consents";
        }
        flash(redirect, "error", t.get("pc.guardian.error." + outcome.name()));
        return HOME + "#guardian";
    }

    // ---------------------------------------------------------------------------------- links and leaving

    /** A new link by SMS or e-mail. The answer is the same whether or not the address is known. */
    @PostMapping("/link")
    String requestLink(@RequestParam(name = "contact", required = false) String contact, Locale locale,
                       RedirectAttributes redirect) {
        Texts t = texts(locale);
        String value = contact == null ? "" : contact.strip();
        Identifier to;
        try {
            to = IdentifierNormaliser.normalise(value.contains("@") ? IdentifierType.EMAIL : IdentifierType.PHONE, value);
        } catch (IllegalArgumentException e) {
            flash(redirect, "error", t.get("pc.link.error"));
            return HOME;
        }
        links.resend(to, locale);
        flash(redirect, "ok", t.get("pc.link.sent"));
        redirect.addFlashAttribute("state", "sent");
        return HOME;
    }

    @PostMapping("/exit")
    String exit(HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
        end(request);
        redirect.addFlashAttribute("state", "ended");
        return HOME;
    }

    // -------------------------------------------------------------------------------------------- helpers

    /** The visit a form belongs to; null (after a flash saying why) when it ended or the token is wrong. */
    private Visit visitOrNull(HttpServletRequest request, String csrf, RedirectAttributes redirect, Texts t) {
        Optional<Visit> visit = Visit.of(request, clock.millis());
        if (visit.isEmpty()) {
            redirect.addFlashAttribute("state", "expired");
            return null;
        }
        if (!visit.get().csrfMatches(csrf)) {
            flash(redirect, "error", t.get("pc.error.forbidden"));
            return null;
        }
        return visit.get();
    }

    private ConsentChanges.Context context(Visit visit, Texts t, HttpServletRequest request) {
        return new ConsentChanges.Context(visit, t, request.getRemoteAddr(), request.getHeader("User-Agent"));
    }

    private static void flash(RedirectAttributes redirect, String kind, String text) {
        redirect.addFlashAttribute("flashKind", kind);
        redirect.addFlashAttribute("flash", text);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String type, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(PROBLEMS + type));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private String newToken() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String mask(String phone) {
        return phone == null ? null : com.consento.identity.Masking.mask(IdentifierType.PHONE, phone);
    }

    private Texts texts(Locale locale) {
        return new Texts(messages, locale, zone);
    }
}
