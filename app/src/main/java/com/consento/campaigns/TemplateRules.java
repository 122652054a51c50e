package com.consento.campaigns;

import com.consento.shared.Problems;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message template must carry before anything is sent (CPL-29, SMS-18): the sender's signature
 * ({@code 【品牌】}) and an opt-out (SMS: {@code 回复TD退订} or another 退订 / reply-STOP wording; e-mail: the
 * {@code {unsubscribe}} link; other channels either). Offers are the same for everyone (PIPL-24a): no
 * per-person placeholder other than {@code {unsubscribe}}.
 */
final class TemplateRules {
    static final String UNSUBSCRIBE = "{unsubscribe}";
    static final int MAX_LENGTH = 2_000;
    private static final Pattern SIGNATURE = Pattern.compile("【[^【】\\s][^【】]{0,19}】");
    private static final Pattern SMS_OPT_OUT = Pattern.compile("退订|reply\\s+(td|stop|t|n|r)\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    private TemplateRules() {
    }

    static void check(String channel, String text, Problems problems) {
        if (text == null || text.isBlank()) {
            problems.add("/template/text", "CPL-29: a campaign needs its message text");
            return;
        }
        problems.require(text.length() <= MAX_LENGTH, "/template/text", "a template is at most " + MAX_LENGTH
                + " characters");
        problems.require(SIGNATURE.matcher(text).find(), "/template/text",
                "CPL-29: the message must name its sender with a signature such as 【品牌】");
        String lower = text.toLowerCase(Locale.ROOT);
        boolean smsOptOut = SMS_OPT_OUT.matcher(lower).find();
        boolean link = text.contains(UNSUBSCRIBE);
        if ("sms".equals(channel)) {
            problems.require(smsOptOut, "/template/text",
                    "CPL-29, SMS-18: an SMS must say how to opt out, e.g. 回复TD退订");
        } else if ("email".equals(channel)) {
            problems.require(link, "/template/text",
                    "CPL-29, RFC-8058: an e-mail must carry the one-click unsubscribe link placeholder {unsubscribe}");
        } else {
            problems.require(smsOptOut || link, "/template/text",
                    "CPL-29: the message must say how to opt out (退订, or the {unsubscribe} link)");
        }
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!m.group().equals(UNSUBSCRIBE)) {
                problems.add("/template/text", "PIPL-24a: offers are the same for everyone; the only per-person "
                        + "placeholder is {unsubscribe}, not " + m.group());
            }
        }
    }
}
