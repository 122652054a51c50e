package com.consento.campaigns;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Picks the shipped connector: {@code consento.campaigns.connector} = log (default) or webhook. */
@Configuration(proxyBeanMethods = false)
class ConnectorConfig {

    @Bean
    ChannelConnector channelConnector(@Value("${consento.campaigns.connector:log}") String kind,
                                      @Value("${consento.data-dir:./data}") String dataDir,
                                      @Value("${consento.campaigns.webhook.url:}") String url,
                                      @Value("${consento.campaigns.webhook.secret:}") String secret, JsonMapper json) {
        if ("webhook".equalsIgnoreCase(kind)) {
            if (url.isBlank() || secret.isBlank()) {
                throw new IllegalStateException("consento.campaigns.connector=webhook needs "
                        + "consento.campaigns.webhook.url and consento.campaigns.webhook.secret");
            }
            return new WebhookConnector(url, secret, json);
        }
        return new LogConnector(Path.of(dataDir).toAbsolutePath().normalize(), json);
    }
}
