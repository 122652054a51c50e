package com.consento.audiences;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java audience structures, made beans: one attribute index, one frequency ledger, one set of lists. */
@Configuration(proxyBeanMethods = false)
class AudienceBeans {

    @Bean
    AttributeIndex attributeIndex() {
        return new AttributeIndex();
    }

    @Bean
    FrequencyLedger frequencyLedger() {
        return new FrequencyLedger();
    }

    @Bean
    SuppressionLists suppressionLists() {
        return new SuppressionLists();
    }
}
