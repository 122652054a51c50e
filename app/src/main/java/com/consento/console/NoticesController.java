package com.consento.console;

import com.consento.catalog.Catalog;
import com.consento.catalog.CatalogService;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.shared.Conflict;
import com.consento.shared.InvalidRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * {@code /admin/notices}: published versions (immutable, with the changes against the version before, PIPL-17b),
 * and publishing a new one: write it, preview the diff and — for a material change — how many grants will
 * need re-consent (PIPL-14b), then publish.
 */
@Controller("consoleNoticesController")
class NoticesController {
    private final CatalogService catalog;
    private final ConsoleQueries queries;
    private final MessageSource messages;
    private final Times times;

    NoticesController(CatalogService catalog, ConsoleQueries queries, MessageSource messages, Times times) {
        this.catalog = catalog;
        this.queries = queries;
        this.messages = messages;
        this.times = times;
    }

    @GetMapping("/admin/notices")
    String list(Model model) {
        model.addAttribute("notices", catalog.snapshot().notices().stream()
                .sorted(Comparator.comparingLong(Notice::sequence).reversed()).toList());
        return "console/notices";
    }

    @GetMapping("/admin/notices/{version}")
    String show(@PathVariable String version, Model model) {
        Notice notice = catalog.notice(version);
        Optional<Notice> previous = previous(catalog.snapshot(), notice.sequence(), notice.locale());
        model.addAttribute("notice", notice);
        model.addAttribute("previous", previous.orElse(null));
        model.addAttribute("changes", NoticeDiff.compare(previous.orElse(null), notice));
        return "console/notice";
    }

    @GetMapping("/admin/notices/new")
    String create(Model model) {
        Optional<Notice> latest = latest(catalog.snapshot());
        return form(model, latest.map(NoticeForm::from).orElseGet(NoticeForm::blank), new FormErrors());
    }

    /** Back from the preview to the form, with what was typed. */
    @PostMapping("/admin/notices/edit")
    String edit(@ModelAttribute NoticeForm form, Model model) {
        return form(model, form, new FormErrors());
    }

    @PostMapping("/admin/notices/preview")
    String preview(@ModelAttribute NoticeForm form, Model model, Locale locale) {
        FormErrors errors = new FormErrors();
        Notice draft = form.toDraft(times.zone(), errors, msg("console.notice.problem.effectiveAt", locale));
        if (draft.version() == null || draft.version().isBlank()) {
            errors.add("version", msg("console.notice.problem.version", locale));
        } else if (catalog.snapshot().notice(draft.version()).isPresent()) {
            errors.add("version", msg("console.notice.problem.versionUsed", locale));
        }
        if (!errors.isEmpty()) {
            return form(model, form, errors);
        }
        Optional<Notice> latest = previous(catalog.snapshot(), Long.MAX_VALUE, draft.locale());
        model.addAttribute("form", form);
        model.addAttribute("previous", latest.orElse(null));
        model.addAttribute("changes", NoticeDiff.compare(latest.orElse(null), draft));
        model.addAttribute("signals", NoticeDiff.materialSignals(latest.orElse(null), draft));
        model.addAttribute("affectedGrants", form.isMaterial() ? queries.grantsFor(draft.purposes()) : 0L);
        return "console/notice-preview";
    }

    @PostMapping("/admin/notices")
    String publish(@ModelAttribute NoticeForm form, Model model, Locale locale) {
        FormErrors errors = new FormErrors();
        Notice draft = form.toDraft(times.zone(), errors, msg("console.notice.problem.effectiveAt", locale));
        if (errors.isEmpty()) {
            try {
                Notice published = catalog.publish(draft);
                return "redirect:/admin/notices/" + published.version() + "?published";
            } catch (InvalidRequest e) {
                errors.addAll(e.problems(), "console.notice.problem", messages, locale);
            } catch (Conflict e) {
                errors.add("version", msg("console.notice.problem.versionUsed", locale));
            }
        }
        return form(model, form, errors);
    }

    private String form(Model model, NoticeForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.map());
        model.addAttribute("purposes", catalog.snapshot().purposes().values().stream()
                .sorted(Comparator.comparing(Purpose::code)).toList());
        return "console/notice-form";
    }

    static Optional<Notice> latest(Catalog catalog) {
        List<Notice> all = catalog.notices();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The latest version published before {@code sequence}, in the same locale when there is one. */
    static Optional<Notice> previous(Catalog catalog, long sequence, String locale) {
        List<Notice> earlier = catalog.notices().stream().filter(n -> n.sequence() < sequence).toList();
        Optional<Notice> sameLocale = earlier.stream().filter(n -> n.locale().equals(locale))
                .max(Comparator.comparingLong(Notice::sequence));
        return sameLocale.isPresent() ? sameLocale : earlier.stream().max(Comparator.comparingLong(Notice::sequence));
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
