package com.consento.demo;

import com.consento.recommendations.RecommendationService;
import com.consento.signals.OrderImporter;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo customers' real baskets: the extract's invoices become orders (members {@code OR-<CustomerID>}),
 * then the recommendation model is trained on them. Runs in the background so the service is usable at once.
 */
@Component
class DemoOrders {
    private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);
    private final OrderImporter importer;
    private final RecommendationService recommendations;

    DemoOrders(OrderImporter importer, RecommendationService recommendations) {
        this.importer = importer;
        this.recommendations = recommendations;
    }

    void loadInBackground() {
        Thread loader = new Thread(() -> {
            long started = System.nanoTime();
            try (InputStream in = new GZIPInputStream(
                    DemoOrders.class.getClassLoader().getResourceAsStream(RetailExtract.RESOURCE))) {
                OrderImporter.Result result = importer.importCsv(in);
                recommendations.retrainNow();
                log.info("Demo orders loaded in {} ms: {} orders of {} customers; recommendation model trained",
                        (System.nanoTime() - started) / 1_000_000, result.imported(), result.customers());
            } catch (Exception e) {
                log.warn("Demo orders could not be loaded; recommendations stay non-personalised: {}", e.getMessage());
            }
        }, "demo-orders");
        loader.setDaemon(true);
        loader.start();
    }
}
