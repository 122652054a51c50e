package com.consento.platform;

import com.consento.identity.KeyVault;
import com.consento.identity.SubjectDirectory;
import com.consento.identity.SubjectIds;
import com.consento.ledger.ReceiptSigner;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The framework-free parts of the domain, made beans, with their keys from the data directory. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    KeyVault keyVault(DataDirectory dir, @Value("${consento.master-key:}") String master,
                      @Value("${consento.lookup-key:}") String lookup) {
        return KeyVault.open(dir.path(), master, lookup);
    }

    @Bean
    SubjectIds subjectIds(KeyVault vault) {
        return new SubjectIds(vault);
    }

    @Bean
    com.consento.identity.LinkTokens linkTokens(KeyVault vault, Clock clock) {
        return new com.consento.identity.LinkTokens(vault, clock);
    }

    @Bean
    SubjectDirectory subjectDirectory() {
        return new SubjectDirectory();
    }

    @Bean
    ReceiptSigner receiptSigner(DataDirectory dir) {
        return ReceiptSigner.open(dir.path());
    }

    /** Where the embedded database and the keys live ({@code CONSENTO_DATA_DIR}, default {@code ./data}). */
    record DataDirectory(Path path) {
    }

    @Bean
    DataDirectory dataDirectory(@Value("${consento.data-dir:./data}") String dir) throws java.io.IOException {
        Path path = Path.of(dir).toAbsolutePath().normalize();
        java.nio.file.Files.createDirectories(path);
        return new DataDirectory(path);
    }
}
