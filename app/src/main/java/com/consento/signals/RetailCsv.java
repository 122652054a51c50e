package com.consento.signals;

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

}
