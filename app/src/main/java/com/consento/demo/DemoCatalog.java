package com.consento.demo;

import com.consento.catalog.LegalBasis;
import com.consento.catalog.Notice;
import com.consento.catalog.Purpose;
import com.consento.shared.Channel;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo retailer's purposes (one per activity, each on one legal basis, the separate-consent ones with
 * their impact assessment) and the privacy notice, in zh-CN, that covers them with every PIPL-17a field.
 */
final class DemoCatalog {
    static final String NOTICE_VERSION = "demo-1";
    static final String HANDLER = "示例零售（上海）有限公司 Example Retail (Shanghai) Co., Ltd.";
    static final String TENCENT_ADS = "Tencent Ads";
    static final String BRAND_PARTNER = "花颜美妆（上海）有限公司 Huayan Beauty (Shanghai) Co., Ltd.";
    static final String GROUP_UK = "Example Retail Group Ltd. (United Kingdom)";

    private DemoCatalog() {
    }

    static List<Purpose> purposes() {
        return List.of(
                consent("marketing", "营销信息", "Marketing messages",
                        "通过短信、电子邮件、App 推送和微信向您发送优惠、新品和会员活动信息。可按渠道分别同意，回复 TD 或点击退订链接即可随时撤回。",
                        "Offers, new arrivals and member events sent to you by SMS, e-mail, app push and WeChat. "
                                + "You choose per channel and can stop any time: reply TD or use the unsubscribe link.",
                        Set.of(Channel.SMS, Channel.EMAIL, Channel.PUSH, Channel.WECHAT), 730, 1095,
                        List.of("phone", "email", "wechat_openid", "push_token"), false, List.of(), null),
                consent("personalization", "个性化推荐", "Personalised recommendations",
                        "根据您的购买记录和偏好为您推荐商品。关闭后，您看到的是不针对个人的热门商品，服务不受影响。",
                        "Product suggestions based on your purchases and preferences. Turn it off and you see "
                                + "popular items instead; nothing else changes.",
                        Set.of(), 365, 730, List.of("purchase_history", "preferences", "profile"), false, List.of(), null),
                consent("purchase_history", "使用购买记录", "Use of your purchase history",
                        "保存并分析您在线上和门店的购买记录，用于推荐、会员等级和售后。",
                        "Keeping and analysing what you bought online and in store, for recommendations, your "
                                + "member tier and after-sales service.",
                        Set.of(), 365, 1095, List.of("orders", "order_items", "store_visits"), false, List.of(), null),
                consent("browsing_history", "浏览记录", "Browsing history",
                        "记录您在网站、App 和小程序中浏览和搜索的商品，用于改进推荐。不同意时我们不保存浏览记录。",
                        "Recording the products you view and search for on our website, app and mini-program to "
                                + "improve suggestions. Without your consent we keep no browsing history.",
                        Set.of(), 180, 180, List.of("page_views", "search_terms", "device_id"), false, List.of(), null),
                consent("ads.wechat", "微信广告", "WeChat ads",
                        "将您手机号的加密摘要提供给腾讯广告，以便在微信中向您展示本店广告或将您排除在外。这需要您单独同意。",
                        "We give Tencent Ads a hashed form of your phone number so that our ads in WeChat reach "
                                + "you (or skip you). This needs your separate consent.",
                        Set.of(), 365, 180, List.of("phone_hash", "wechat_openid"), true, List.of(TENCENT_ADS),
                        "PIA-DEMO-03"),
                consent("share.brand_partner", "与品牌合作方共享", "Sharing with our brand partner",
                        "将您的姓名、手机号和会员等级提供给花颜美妆（上海）有限公司，用于其会员礼遇。这需要您单独同意。",
                        "We give your name, phone number and member tier to Huayan Beauty (Shanghai) Co., Ltd. for "
                                + "its member offers. This needs your separate consent.",
                        Set.of(), 365, 365, List.of("name", "phone", "tier"), true, List.of(BRAND_PARTNER),
                        "PIA-DEMO-04"),
                new Purpose("cross_border", Map.of("zh-CN", "跨境传输", "en", "Transfer abroad"),
                        Map.of("zh-CN", "将您的会员号、电子邮件和订单传输至英国的集团公司，用于全球会员服务。依据个人信息出境标准合同，需要您单独同意。",
                                "en", "Your member id, e-mail and orders go to our group company in the United Kingdom "
                                        + "for worldwide member service, under the standard contract for personal "
                                        + "information export. This needs your separate consent."),
                        LegalBasis.CONSENT, Set.of(), true, false, true, false, 365, 1095,
                        List.of("member_id", "email", "orders"), List.of(GROUP_UK), "PIA-DEMO-05", "STANDARD_CONTRACT"),
                new Purpose("location", Map.of("zh-CN", "精确位置", "en", "Precise location"),
                        Map.of("zh-CN", "仅在您使用“附近门店”和门店自提提醒时获取您的精确位置。位置信息属于敏感个人信息，需要您单独同意。",
                                "en", "Your precise location, only while you use 'stores near me' and pick-up "
                                        + "reminders. Location is sensitive personal information and needs your "
                                        + "separate consent."),
                        LegalBasis.CONSENT, Set.of(), true, true, false, false, 90, 30, List.of("precise_location"),
                        List.of(), "PIA-DEMO-02", null),
                new Purpose("order_fulfilment", Map.of("zh-CN", "订单履行", "en", "Order fulfilment"),
                        Map.of("zh-CN", "为完成您的订单（支付、配送、售后）所必需，基于合同，无需另行同意。",
                                "en", "What we need to complete your order (payment, delivery, after-sales). It rests "
                                        + "on the contract with you, so no separate consent is asked."),
                        LegalBasis.CONTRACT, Set.of(), false, false, false, false, 0, 1095,
                        List.of("name", "phone", "address", "orders"), List.of(), null, null));
    }

    private static Purpose consent(String code, String zh, String en, String zhText, String enText,
                                   Set<Channel> channels, int validityDays, int retentionDays, List<String> categories,
                                   boolean separate, List<String> recipients, String piaId) {
        return new Purpose(code, Map.of("zh-CN", zh, "en", en), Map.of("zh-CN", zhText, "en", enText),
                LegalBasis.CONSENT, channels, separate, false, false, false, validityDays, retentionDays, categories,
                recipients, piaId, null);
    }

    /** The notice draft (sequence, publication time and hash are set by the catalog when it is published). */
    static Notice notice(Instant effectiveAt) {
        List<Purpose> purposes = purposes();
        Set<String> categories = new LinkedHashSet<>();
        purposes.forEach(p -> categories.addAll(p.dataCategories()));
        StringBuilder body = new StringBuilder("示例零售（上海）有限公司（以下简称“我们”）在您使用官网、App、微信小程序、门店和客服时处理您的个人信息。"
                + "除订单履行所必需的处理外，以下每一项都需要您的同意，您可以分别同意或拒绝，拒绝不影响购物：\n");
        for (Purpose p : purposes) {
            body.append("• ").append(p.name().get("zh-CN")).append("：").append(p.description().get("zh-CN"))
                    .append(p.separateConsent() ? "（单独同意）" : "").append('\n');
        }
        body.append("不满十四周岁的用户须由监护人同意。您可随时在偏好中心撤回同意，撤回不影响撤回前基于同意已进行的处理。");
        return new Notice(NOTICE_VERSION, 0, "zh-CN", "示例零售个人信息保护政策", body.toString(), null,
                new Notice.Handler(HANDLER, "上海市静安区示例路 1 号；privacy@example.com；400-000-0000"),
                "个人信息保护负责人 dpo@example.com", purposes.stream().map(Purpose::code).toList(),
                "收集、存储、使用、加工、传输、提供（经单独同意）、删除；个性化推荐基于购买和浏览记录的自动化分析，不影响价格和交易条件。",
                List.copyOf(categories),
                "营销同意有效期 2 年；购买记录保存 3 年；浏览记录 180 天；精确位置 30 天；交易记录依《电子商务法》保存 3 年。期满后删除或匿名化。",
                "您可在偏好中心（/preferences）查阅、复制、更正、删除您的个人信息，撤回同意，要求解释自动化决策；短信回复 TD 退订；"
                        + "客服 400-000-0000。我们在 15 个工作日内答复。",
                true, effectiveAt, null, null);
    }
}
