package com.consento.platform;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where everything is, and the admin key when it was just generated. */
@Component
class StartupBanner {
    private final Bootstrap bootstrap;
    private final CoreConfig.DataDirectory dataDirectory;

    StartupBanner(Bootstrap bootstrap, CoreConfig.DataDirectory dataDirectory) {
        this.bootstrap = bootstrap;
        this.dataDirectory = dataDirectory;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        StringBuilder b = new StringBuilder("\n");
        b.append("  Consento is running (data in ").append(dataDirectory.path()).append(")\n");
        b.append("    Preference centre  ").append(base).append("/preferences\n");
        b.append("    Console            ").append(base).append("/admin\n");
        b.append("    API docs           ").append(base).append("/swagger-ui.html\n");
        b.append("    Health             ").append(base).append("/actuator/health\n");
        if (bootstrap.generatedKey() != null) {
            b.append("    Admin API key      ").append(bootstrap.generatedKey())
                    .append("   (shown once; set CONSENTO_ADMIN_KEY to choose your own)\n");
        }
        if (bootstrap.generatedPassword() != null) {
            b.append("    Console user admin ").append(bootstrap.generatedPassword())
                    .append("   (password, shown once; set CONSENTO_ADMIN_PASSWORD to choose your own)\n");
        }
        System.out.println(b);
    }
}
