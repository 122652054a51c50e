package com.consento.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Online Retail CSV ({@code InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}):
 * quoted fields, and a coarse product category from the description, since the data set has none.
 */
final class RetailCsv {
    static final String HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    private static final String[][] CATEGORIES = {
            {"christmas", "christmas"},
            {"bags", "bag"},
            {"lighting", "light", "candle", "lantern", "holder"},
            {"kitchen", "cake", "tea", "lunch", "mug", "cup", "plate", "bowl", "bottle", "jar", "tin", "spoon", "pantry",
                    "kitchen", "baking", "cutlery", "napkin"},
            {"stationery", "card", "paper", "wrap", "sticker", "pen", "pencil", "notebook", "book", "tissue"},
            {"toys", "toy", "doll", "game", "spaceboy", "children", "skittles", "jigsaw"},
            {"jewellery", "necklace", "bracelet", "earring", "ring", "jewel"},
            {"garden", "garden", "flower", "plant", "bird"},
            {"home_decor", "heart", "sign", "decoration", "frame", "clock", "doormat", "cushion", "garland", "bunting",
                    "wall", "ornament", "vintage"}};

    private RetailCsv() {
    }

    static String category(String description) {
        String d = description == null ? "" : description.toLowerCase(Locale.ROOT);
        for (String[] c : CATEGORIES) {
            for (int i = 1; i < c.length; i++) {
                if (d.contains(c[i])) {
                    return c[0];
                }
            }
        }
        return "other";
    }

    /** Splits one CSV line; fields may be quoted, with {@code ""} for a quote inside. */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>(8);
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
