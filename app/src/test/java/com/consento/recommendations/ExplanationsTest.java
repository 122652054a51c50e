package com.consento.recommendations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ExplanationsTest {

    @Test
    @DisplayName("GB-7.5 personalised results are labelled 个性化推荐 / Personalised")
    void label() {
        assertThat(Explanations.label(Language.ZH_CN)).isEqualTo("个性化推荐");
        assertThat(Explanations.label(Language.EN)).isEqualTo("Personalised");
    }

    @Test
    @DisplayName("GB-7.5 each personalised item says which purchase it comes from, in the shopper's language")
    void because_you_bought() {
        assertThat(Explanations.because(Language.ZH_CN, true, "White Metal Lantern"))
                .isEqualTo("因为您购买了 White Metal Lantern");
        assertThat(Explanations.because(Language.EN, true, "White Metal Lantern"))
                .isEqualTo("Because you bought White Metal Lantern");
        assertThat(Explanations.because(Language.ZH_CN, false, "A-1")).isEqualTo("因为您浏览了 A-1");
        assertThat(Explanations.because(Language.EN, false, "A-1")).isEqualTo("Because you viewed A-1");
    }

    @Test
    @DisplayName("items are described by name, else by code and category in words, else by code")
    void describe() {
        assertThat(Explanations.describe(Language.EN, "71053", "White Metal Lantern", "lighting"))
                .isEqualTo("White Metal Lantern");
        assertThat(Explanations.describe(Language.ZH_CN, "A-1", null, "toys")).isEqualTo("A-1（玩具）");
        assertThat(Explanations.describe(Language.EN, "A-1", null, "toys")).isEqualTo("A-1 (toys)");
        assertThat(Explanations.describe(Language.EN, "A-1", null, "home_decor")).isEqualTo("A-1 (home decor)");
        assertThat(Explanations.describe(Language.ZH_CN, "A-1", null, "运动鞋")).isEqualTo("A-1（运动鞋）");
        assertThat(Explanations.describe(Language.EN, "A-1", " ", null)).isEqualTo("A-1");
    }

    @Test
    @DisplayName("Online Retail descriptions in capitals read as titles; mixed case is kept")
    void readable_names() {
        assertThat(Explanations.readable("WHITE HANGING HEART T-LIGHT HOLDER"))
                .isEqualTo("White Hanging Heart T-Light Holder");
        assertThat(Explanations.readable("  SET OF 3 CAKE TINS PANTRY DESIGN ")).isEqualTo("Set Of 3 Cake Tins Pantry Design");
        assertThat(Explanations.readable("Manual")).isEqualTo("Manual");
        assertThat(Explanations.readable(" ")).isNull();
    }

    @Test
    @DisplayName("PIPL-24b non-personalised items say why without referring to the person")
    void non_personal_reasons() {
        assertThat(Explanations.nonPersonal(Language.ZH_CN, Source.POPULAR)).isEqualTo("热销商品");
        assertThat(Explanations.nonPersonal(Language.ZH_CN, Source.TRENDING)).isEqualTo("近期热销");
        assertThat(Explanations.nonPersonal(Language.ZH_CN, Source.NEW)).isEqualTo("新品");
        assertThat(Explanations.nonPersonal(Language.EN, Source.TRENDING)).isEqualTo("Trending now");
        assertThat(Explanations.alsoBought(Language.ZH_CN, "A-1")).isEqualTo("购买了 A-1 的顾客也购买了");
        assertThat(Explanations.alsoBought(Language.EN, "A-1")).isEqualTo("Customers who bought A-1 also bought this");
    }

    @Test
    @DisplayName("the language is ?lang= first, then Accept-Language, and zh-CN by default")
    void language() {
        assertThat(Language.resolve(null, null)).isEqualTo(Language.ZH_CN);
        assertThat(Language.resolve("en", "zh-CN")).isEqualTo(Language.EN);
        assertThat(Language.resolve("zh-CN", "en")).isEqualTo(Language.ZH_CN);
        assertThat(Language.resolve("fr", "en")).isEqualTo(Language.ZH_CN);
        assertThat(Language.resolve(null, "en-GB,en;q=0.9")).isEqualTo(Language.EN);
        assertThat(Language.resolve(null, "fr-FR, en;q=0.5, zh;q=0.8")).isEqualTo(Language.ZH_CN);
        assertThat(Language.resolve(null, "fr-FR, en;q=0.5")).isEqualTo(Language.EN);
        assertThat(Language.resolve(null, "de")).isEqualTo(Language.ZH_CN);
        assertThat(Language.resolve(null, ";;;garbage")).isEqualTo(Language.ZH_CN);
    }
}
