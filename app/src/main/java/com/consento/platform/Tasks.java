package com.consento.platform;

import com.consento.channels.ConsentImporter;
import com.consento.ledger.LedgerVerifier;
import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same jar runs the service or a task: {@code verify-ledger} (exit 1 when a chain is broken),
 * {@code import-consents FILE} (prints the JSON report; exit 1 when rows were refused, 2 when the file is unusable).
 * Returns the exit code of a task, or -1 when the service was started and keeps running.
 */
public final class Tasks {
    private Tasks() {
    }

    public static int run(Class<?> application, String[] args) {
        String task = args.length == 0 ? "" : args[0];
        switch (task) {
            case "evaluate-recommendations" -> {
                // pure computation on a file: no database, no Spring
                return com.consento.recommendations.EvaluateRecommendationsCommand.run(args, System.out);
            }
            case "verify-ledger" -> {
                try (ConfigurableApplicationContext ctx = offline(application, args)) {
                    LedgerVerifier.Verification v = ctx.getBean(LedgerVerifier.class).verify();
                    System.out.println(ctx.getBean(JsonMapper.class).writeValueAsString(v));
                    return v.valid() ? 0 : 1;
                }
            }
            case "import-consents" -> {
                if (args.length < 2) {
                    System.err.println("usage: import-consents FILE   (CSV: "
                            + String.join(",", ConsentImporter.HEADER) + ")");
                    return 2;
                }
                try (ConfigurableApplicationContext ctx = offline(application, args)) {
                    return ctx.getBean(ConsentImporter.class).runTask(args[1], System.out, System.err);
                }
            }
            default -> {
                SpringApplication.run(application, args);
                return -1;
            }
        }
    }

    private static ConfigurableApplicationContext offline(Class<?> application, String[] args) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(java.util.Map.of("consento.demo", "false", "logging.level.root", "WARN"));
        return app.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
