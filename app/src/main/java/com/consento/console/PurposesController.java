package com.consento.console;

import com.consento.catalog.CatalogService;
import com.consento.catalog.LegalBasis;
import com.consento.catalog.Purpose;
import com.consento.shared.Channel;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** {@code /admin/purposes}: the purpose catalog, and a form that saves through {@link CatalogService#putPurpose}. */
@Controller("consolePurposesController")
class PurposesController {
    private final CatalogService catalog;
    private final ConsoleQueries queries;
    private final MessageSource messages;

    PurposesController(CatalogService catalog, ConsoleQueries queries, MessageSource messages) {
        this.catalog = catalog;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping("/admin/purposes")
    String list(Model model) {
        model.addAttribute("purposes", catalog.snapshot().purposes().values().stream()
                .sorted(Comparator.comparing(Purpose::code)).toList());
        model.addAttribute("granted", queries.grantsByPurpose());
        return "console/purposes";
    }

    @GetMapping("/admin/purposes/new")
    String create(Model model) {
        return form(model, PurposeForm.blank(), true, new FormErrors());
    }

    @GetMapping("/admin/purposes/{code}")
    String show(@PathVariable String code, Model model) {
        Purpose purpose = catalog.snapshot().purpose(code).orElseThrow(() -> new NotFound("no purpose " + code));
        model.addAttribute("purpose", purpose);
        return form(model, PurposeForm.of(purpose), false, new FormErrors());
    }

    @PostMapping("/admin/purposes")
    String saveNew(@ModelAttribute PurposeForm form, Model model, Locale locale) {
        FormErrors errors = new FormErrors();
        String code = form.code() == null ? "" : form.code().trim();
        if (catalog.snapshot().purpose(code).isPresent()) {
            errors.add("code", messages.getMessage("console.purpose.problem.exists", null, locale));
            return form(model, form, true, errors);
        }
        return save(code, form, true, model, locale, errors);
    }

    @PostMapping("/admin/purposes/{code}")
    String saveExisting(@PathVariable String code, @ModelAttribute PurposeForm form, Model model, Locale locale) {
        Purpose existing = catalog.snapshot().purpose(code).orElseThrow(() -> new NotFound("no purpose " + code));
        model.addAttribute("purpose", existing);
        return save(code, form, false, model, locale, new FormErrors());
    }

    private String save(String code, PurposeForm form, boolean creating, Model model, Locale locale,
                        FormErrors errors) {
        Purpose purpose = form.toPurpose(code, errors,
                field -> messages.getMessage("console.purpose.problem." + field, null, locale));
        if (errors.isEmpty()) {
            try {
                catalog.putPurpose(purpose);
                return "redirect:/admin/purposes/" + code + "?saved";
            } catch (InvalidRequest e) {
                errors.addAll(e.problems(), "console.purpose.problem", messages, locale);
            }
        }
        return form(model, form, creating, errors);
    }

    private String form(Model model, PurposeForm form, boolean creating, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors.map());
        model.addAttribute("legalBases", List.of(LegalBasis.values()));
        model.addAttribute("channels", java.util.Arrays.stream(Channel.values()).map(Channel::code).toList());
        return "console/purpose";
    }
}
