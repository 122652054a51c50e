package com.consento.console;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.webjars.WebJarVersionLocator;

/** The console's settings: the zone times are shown in, and where the ECharts WebJar is served. */
@Configuration(value = "consoleConfig", proxyBeanMethods = false)
class ConsoleConfig {

    @Bean
    Times consoleTimes(@Value("${consento.console.zone:Asia/Shanghai}") String zone) {
        return new Times(ZoneId.of(zone));
    }

    /** Static assets the pages link to. */
    record Assets(String echarts) {
    }

    @Bean
    Assets consoleAssets() {
        String version = new WebJarVersionLocator().version("echarts");
        return new Assets("/webjars/echarts/" + (version == null ? "" : version + "/") + "dist/echarts.min.js");
    }
}
