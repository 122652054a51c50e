package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ItemDescriptionsTest {

    private static ItemDescriptions from(String file) {
        RecommendationSettings d = RecommendationSettings.defaults();
        return new ItemDescriptions(new RecommendationSettings(d.personalizationPurpose(), d.purchasePurpose(),
                d.browsingPurpose(), Duration.ZERO, false, d.maxItems(), d.maxHistory(), d.featuresTtl(),
                d.featureRetentionDays(), d.trendingDays(), d.newDays(), file));
    }

    @Test
    @DisplayName("GB-7.5 item names for explanations come from an Online Retail file's Description column")
    void names_from_a_file(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("items.csv");
        Files.writeString(csv, """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536366,85123A,something else,1,2010-12-01 09:26:00,2.55,17850.0,United Kingdom
                536367,POST,,1,2010-12-01 09:26:00,18,17850.0,United Kingdom
                """, StandardCharsets.UTF_8);
        ItemDescriptions names = from(csv.toString());
        names.loadOnce();
        assertThat(names.name("85123A")).isEqualTo("White Hanging Heart T-Light Holder");
        assertThat(names.name("POST")).isNull();
        assertThat(names.name("nope")).isNull();
    }

    @Test
    @DisplayName("the demo's bundled extract can name items (classpath:), and a missing file names none")
    void names_from_the_classpath_or_none() {
        ItemDescriptions demo = from("classpath:demo/online-retail-extract.csv.gz");
        demo.loadOnce();
        assertThat(demo.name("71053")).isEqualTo("White Metal Lantern");
        ItemDescriptions missing = from("/nowhere/items.csv");
        missing.loadOnce();
        assertThat(missing.name("71053")).isNull();
        ItemDescriptions none = from("");
        none.loadOnce();
        assertThat(none.name("71053")).isNull();
    }
}
