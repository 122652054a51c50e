package com.consento.recommendations;

import java.util.Locale;
import java.util.Map;

/**
 * What a shopper reads next to an item (GB-7.5): why it was recommended and the label of personalised
 * results, in zh-CN or en. Items are described by their name where one is known (Online Retail
 * description), else by their code and category.
 */
final class Explanations {
    private static final Map<String, String[]> CATEGORIES = Map.ofEntries(
            Map.entry("christmas", new String[] {"圣诞用品", "Christmas"}),
            Map.entry("bags", new String[] {"包袋", "bags"}),
            Map.entry("lighting", new String[] {"灯饰", "lighting"}),
            Map.entry("kitchen", new String[] {"厨房用品", "kitchen"}),
            Map.entry("stationery", new String[] {"文具", "stationery"}),
            Map.entry("toys", new String[] {"玩具", "toys"}),
            Map.entry("jewellery", new String[] {"首饰", "jewellery"}),
            Map.entry("garden", new String[] {"园艺", "garden"}),
            Map.entry("home_decor", new String[] {"家居装饰", "home decor"}),
            Map.entry("other", new String[] {"其他", "other"}));

    private Explanations() {
    }

    /** The label every personalised result carries. */
    static String label(Language l) {
        return l == Language.EN ? "Personalised" : "个性化推荐";
    }

    /** "Because you bought X" (or viewed, for an item only browsed). */
    static String because(Language l, boolean bought, String description) {
        if (l == Language.EN) {
            return (bought ? "Because you bought " : "Because you viewed ") + description;
        }
        return (bought ? "因为您购买了 " : "因为您浏览了 ") + description;
    }

    /** Item to item: "Customers who bought X also bought this". */
    static String alsoBought(Language l, String description) {
        return l == Language.EN ? "Customers who bought " + description + " also bought this"
                : "购买了 " + description + " 的顾客也购买了";
    }

    /** Why a non-personal item is shown. */
    static String nonPersonal(Language l, Source source) {
        boolean en = l == Language.EN;
        return switch (source) {
            case TRENDING -> en ? "Trending now" : "近期热销";
            case NEW -> en ? "New arrival" : "新品";
            default -> en ? "Popular with shoppers" : "热销商品";
        };
    }

    /**
     * A name a shopper recognises: the item's name when known, else its code with the category in
     * brackets, else the code alone.
     */
    static String describe(Language l, String sku, String name, String category) {
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        if (category == null || category.isBlank()) {
            return sku;
        }
        String c = category(l, category.strip());
        return l == Language.EN ? sku + " (" + c + ")" : sku + "（" + c + "）";
    }

    /** A category code in words; categories we do not know are shown as given. */
    static String category(Language l, String code) {
        String[] names = CATEGORIES.get(code.toLowerCase(Locale.ROOT));
        return names == null ? code : names[l == Language.EN ? 1 : 0];
    }

    /** "WHITE HANGING HEART T-LIGHT HOLDER" → "White Hanging Heart T-Light Holder"; mixed case is kept. */
    static String readable(String description) {
        if (description == null) {
            return null;
        }
        String d = description.strip().replaceAll("\\s+", " ");
        if (d.isEmpty() || !d.equals(d.toUpperCase(Locale.ROOT))) {
            return d.isEmpty() ? null : d;
        }
        StringBuilder out = new StringBuilder(d.length());
        boolean start = true;
        for (char c : d.toCharArray()) {
            out.append(start ? c : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c) && c != '\'';
        }
        return out.toString();
    }
}
